package io.itsm.importer;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.incident.Catalogue;
import io.itsm.core.incident.Category;
import io.itsm.core.incident.ResolutionCodes;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.importer.ColumnMapping.Field;
import io.itsm.importer.internal.CsvRows;
import io.itsm.importer.internal.Replayer;
import io.itsm.importer.internal.StagingRepository;
import io.itsm.importer.internal.StoreWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Imports real incident histories by <b>replaying</b> them through a desk's lifecycle, not by
 * inserting rows: each incident is logged, then every update of the export becomes the desk's
 * command on a {@link MutableClock} set to the update's time, so the stored history is legal and
 * every metric means the same as for incidents the desk handled itself.
 *
 * <pre>{@code
 * ImportSummary s = HistoryImport.builder(ColumnMapping.serviceNow())
 *     .repository(store.incidents())
 *     .build()
 *     .run(Path.of("incident_event_log.csv"));
 * System.out.println(s.describe());
 * }</pre>
 *
 * <h2>How</h2>
 *
 * <ul>
 *   <li>The export has one row per update; an incident's rows must be <b>contiguous</b> (sorted by
 *       number); within them, rows are ordered by the update counter, then time.
 *   <li>A first pass reads the categories and closed codes, which become the import desk's
 *       catalogue (codes like {@code category-55}) and resolution codes ({@code CODE_5}).
 *   <li>Each row's changes against what was applied before become commands: categorize,
 *       prioritize, assign (a reassignment keeps the state), then the move to the row's state:
 *       start work, hold with its reason, resume, resolve (at first contact when still NEW and
 *       unassigned), reject a resolution (a reopen), reopen a closed incident (within the reopen
 *       window), close, close without a resolution ({@value Replayer#UNRESOLVED_CLOSE_CODE}).
 *   <li>Commands run as the row's {@code updated_by} (resolutions as {@code resolved_by}) with the
 *       ADMIN role: the source system authorized them; the lifecycle is what the import checks.
 *   <li>A row the desk (or the parser) refuses is reported with its line and reason, and the
 *       import goes on; commands of that row applied before the refused one stay (each was
 *       legal on its own).
 *   <li>The summary compares the imported histories with the export's own fields: reopen count,
 *       reassignment count, made SLA (against the resolution clock of {@link
 *       Builder#slaPolicy}) and resolution time.
 * </ul>
 *
 * <p><b>Many incidents per write.</b> The commands run on an in-memory staging desk; each
 * incident's legal history is then appended to the target repository whole: an incident is
 * imported whole or not at all, and a database sees one write per incident instead of one per
 * command. With {@link Builder#batchSize} above 1, a store that can store many new incidents at
 * once ({@link io.itsm.core.repository.BulkIncidentAppend}, as {@code itsm-jdbc}'s does) gets up
 * to that many in one transaction with batched inserts, all or none; if it refuses a batch,
 * nothing of it is stored and its incidents are stored one at a time, so the one refused is named
 * and those before it stay stored. The default is one incident per transaction: into an H2 file
 * batches of 200 used 1.3–1.6 times the CPU of one transaction per incident (docs/import.md).
 *
 * <p><b>Replay and write overlap.</b> A writer thread appends each replayed incident (and
 * compares it with the export) while the importing thread replays the next ones, so on two cores
 * the database's work and the replay run side by side. Incidents are stored in the order of the
 * file. If the store refuses an incident the import stops with that error, the incidents handed
 * over after it are not stored, and those before it stay stored; if a later row makes the import
 * fail (a malformed CSV), the incidents already replayed are stored before the error is thrown.
 *
 * <p>Memory: one incident's rows and history at a time, at most {@value #WRITER_QUEUE} replayed
 * histories waiting for the writer, plus the set of numbers seen (to detect rows of one incident
 * that are not contiguous).
 *
 * <p>Not thread-safe: one run at a time per instance (each run starts and ends its own writer
 * thread).
 */
public final class HistoryImport {

  /** How many refused rows the summary keeps with their messages (all are counted). */
  public static final int KEPT_REJECTIONS = 1_000;

  /** How many replayed incidents may wait for the store writer. */
  private static final int WRITER_QUEUE = 64;

  /** The reopen window of the import desk by default: closed incidents reopened within 30 days. */
  public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofDays(30);

  private final ColumnMapping mapping;
  private final IncidentRepository repository;
  private final Duration reopenWindow;
  private final SlaPolicy slaPolicy;
  private final String sourceName;
  private final int batchSize;

  private HistoryImport(Builder b) {
    this.batchSize = b.batchSize;
    this.mapping = b.mapping;
    this.repository = b.repository;
    this.reopenWindow = b.reopenWindow;
    this.slaPolicy = b.slaPolicy;
    this.sourceName = b.sourceName;
  }

  /**
   * Starts configuring an import.
   *
   * @param mapping the export's column mapping
   * @return a builder
   */
  public static Builder builder(ColumnMapping mapping) {
    return new Builder(mapping);
  }

  /**
   * Returns the repository the import writes into.
   *
   * @return the repository
   */
  public IncidentRepository repository() {
    return repository;
  }

  /**
   * Imports a file.
   *
   * @param csv the export, UTF-8 CSV with a header row
   * @return the summary
   * @throws UncheckedIOException if the file cannot be read
   * @throws ValidationException if the header lacks a required column or the CSV is malformed
   */
  public ImportSummary run(Path csv) {
    Objects.requireNonNull(csv, "csv");
    Map<String, Set<String>> categories = new LinkedHashMap<>();
    Set<String> codes = new LinkedHashSet<>();
    try (CsvRows rows = new CsvRows(csv, mapping)) {
      for (Optional<CsvRows.Row> r = rows.next(); r.isPresent(); r = rows.next()) {
        CsvRows.Row row = r.get();
        row.get(Field.CATEGORY).ifPresent(c -> {
          Set<String> subs = categories.computeIfAbsent(Replayer.slug(c), k -> new LinkedHashSet<>());
          row.get(Field.SUBCATEGORY).ifPresent(s -> subs.add(Replayer.slug(s)));
        });
        row.get(Field.CLOSED_CODE).ifPresent(c -> codes.add(Replayer.code(c)));
      }
    }
    List<Category> cats = new ArrayList<>();
    categories.forEach((c, subs) -> cats.add(Category.of(c, c, List.copyOf(subs))));
    Map<String, String> resolutionCodes = new LinkedHashMap<>();
    resolutionCodes.put(Replayer.UNKNOWN_RESOLUTION_CODE, "no closed code in the export");
    codes.forEach(c -> resolutionCodes.put(c, "closed code " + c + " of the export"));
    resolutionCodes.remove(Replayer.UNRESOLVED_CLOSE_CODE);

    MutableClock clock = MutableClock.at(Instant.EPOCH);
    Replayer[] replayer = new Replayer[1];
    StagingRepository staging = new StagingRepository();
    ServiceDesk desk = ServiceDesk.builder()
        .clock(clock)
        .repository(staging)
        .catalogue(Catalogue.of(cats))
        .resolutionCodes(ResolutionCodes.of(resolutionCodes,
            Map.of(Replayer.UNRESOLVED_CLOSE_CODE, "closed in the export without a resolution")))
        .reopenClosedWithin(reopenWindow)
        .idGenerator(() -> replayer[0].currentId())
        .build();
    long count = 0;
    Set<String> done = new HashSet<>();
    Replayer rp;
    try (StoreWriter writer = new StoreWriter("itsm-import-writer", WRITER_QUEUE, () -> {
          if (replayer[0] != null) {
            replayer[0].flush();
          }
        });
        CsvRows rows = new CsvRows(csv, mapping)) {
      replayer[0] = new Replayer(mapping, desk, clock, staging, repository, slaPolicy, sourceName,
          KEPT_REJECTIONS, writer::accept, batchSize);
      rp = replayer[0];
      String number = null;
      List<CsvRows.Row> block = new ArrayList<>();
      for (Optional<CsvRows.Row> r = rows.next(); r.isPresent(); r = rows.next()) {
        CsvRows.Row row = r.get();
        count++;
        Optional<String> n = row.get(Field.NUMBER);
        if (n.isEmpty()) {
          rp.reject(row, "?", "missing number", "line " + row.line() + ": no "
              + mapping.column(Field.NUMBER).orElseThrow() + ": every row must name its incident");
          continue;
        }
        if (!n.get().equals(number)) {
          if (number != null) {
            rp.replay(number, block);
            done.add(number);
          }
          block = new ArrayList<>();
          number = n.get();
        }
        if (done.contains(number)) {
          rp.reject(row, number, "rows of an incident not contiguous", "line " + row.line()
              + ": " + number + " was already imported from earlier rows; sort the export by "
              + mapping.column(Field.NUMBER).orElseThrow() + " so that each incident's rows are"
              + " together");
          continue;
        }
        block.add(row);
      }
      if (number != null && !block.isEmpty()) {
        rp.replay(number, block);
      }
      writer.finish();
    }
    return rp.summary(csv.getFileName().toString(), count);
  }

  /** Configures a {@link HistoryImport}. Not thread-safe. */
  public static final class Builder {
    private final ColumnMapping mapping;
    private IncidentRepository repository = new InMemoryIncidentRepository();
    private Duration reopenWindow = DEFAULT_REOPEN_WINDOW;
    private SlaPolicy slaPolicy = SlaPolicy.defaults();
    private String sourceName = "the export";
    private int batchSize = 1;

    private Builder(ColumnMapping mapping) {
      this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /**
     * Sets the repository to import into (default: a new in-memory one).
     *
     * @param repository the repository; should hold none of the export's incidents
     * @return this builder
     */
    public Builder repository(IncidentRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets how long after closing an incident may be reopened (default {@link
     * #DEFAULT_REOPEN_WINDOW}).
     *
     * @param window a positive duration
     * @return this builder
     * @throws ValidationException if it is not positive
     */
    public Builder reopenWindow(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero()) {
        throw new ValidationException("reopen window must be positive, but was " + window);
      }
      this.reopenWindow = window;
      return this;
    }

    /**
     * Sets the SLA policy the export's "made SLA" is compared with (default {@link
     * SlaPolicy#defaults()}).
     *
     * @param slaPolicy the policy
     * @return this builder
     */
    public Builder slaPolicy(SlaPolicy slaPolicy) {
      this.slaPolicy = Objects.requireNonNull(slaPolicy, "slaPolicy");
      return this;
    }

    /**
     * Names the source in the notes of the replayed commands ({@code "resolved in servicenow by
     * ..."}).
     *
     * @param name the name
     * @return this builder
     */
    public Builder sourceName(String name) {
      this.sourceName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets how many replayed incidents a store that supports it ({@link
     * io.itsm.core.repository.BulkIncidentAppend}) gets in one write, all or none (default 1: one
     * transaction per incident, the faster on an H2 file; larger batches save a database round
     * trip and commit per incident, which matters on a database across a network).
     *
     * @param incidents 1 to 10,000
     * @return this builder
     * @throws ValidationException if out of range
     */
    public Builder batchSize(int incidents) {
      if (incidents < 1 || incidents > 10_000) {
        throw new ValidationException("import batch size must be 1 to 10,000 incidents, but was "
            + incidents);
      }
      this.batchSize = incidents;
      return this;
    }

    /**
     * Builds the import.
     *
     * @return the import
     */
    public HistoryImport build() {
      return new HistoryImport(this);
    }
  }
}
