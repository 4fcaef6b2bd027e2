package io.itsm.importer.internal;

import io.itsm.core.ItsmException;
import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.Resolved;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.lifecycle.IllegalTransitionException;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.repository.BulkIncidentAppend;
import io.itsm.core.repository.NewIncident;
import io.itsm.core.repository.StaleVersionException;
import io.itsm.core.sla.SlaClock;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaReport;
import io.itsm.core.sla.SlaState;
import io.itsm.importer.ColumnMapping;
import io.itsm.importer.ColumnMapping.Field;
import io.itsm.importer.ColumnMapping.SourceState;
import io.itsm.importer.ImportSummary;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replays the rows of one incident through the desk's commands, on a settable clock set to each
 * row's time: the first row logs the incident (at its {@code opened_at}), then each row's changes
 * against what was applied before become commands — categorize, prioritize, assign, then the move
 * to the row's state (start work, hold, resume, resolve, reopen, close…). A command the desk
 * refuses rejects its row (the commands of the row applied before it stay: each was legal);
 * later rows go on from the state the desk has.
 *
 * <p>Each replayed incident's history is handed to a writer (see {@link StoreWriter}) that appends
 * it to the target store in one step and compares it with the export, while this replayer goes on
 * with the next incident.
 *
 * <p>Not thread-safe: {@link #replay} and {@link #reject} are called by one importing thread; the
 * writer's tasks update the counts under this replayer's lock, and {@link #summary} is read once
 * the writer has finished.
 */
public final class Replayer {

  /** The close code of incidents the source closed without a resolution. */
  public static final String UNRESOLVED_CLOSE_CODE = "IMPORTED_UNRESOLVED";

  /** The resolution code of rows without a closed code. */
  public static final String UNKNOWN_RESOLUTION_CODE = "UNKNOWN";

  private final ColumnMapping mapping;
  private final ServiceDesk desk;
  private final MutableClock clock;
  private final StagingRepository repository;
  private final IncidentRepository target;
  private final Consumer<Runnable> writer;
  private final SlaPolicy slaPolicy;
  private final String sourceName;
  private final int keep;
  /** Replayed incidents waiting to be stored together (the writer's thread only). */
  private final List<Pending> pending = new ArrayList<>();

  /** How many replayed incidents a bulk-capable store gets in one write at most (1: one each). */
  private final int batchSize;

  /** A replayed incident handed to the writer. */
  private record Pending(String number, CsvRows.Row first, NewIncident incident, Runnable tally) {}

  long incidents;
  long events;
  long rowsWithoutChange;
  long timesAdjusted;
  long rejected;
  final Map<String, Long> byReason = new HashMap<>();
  final List<ImportSummary.RejectedRow> rejections = new ArrayList<>();
  final long[] reopen = new long[3];
  final long[] reassign = new long[3];
  final long[] sla = new long[3];
  final long[] resolved = new long[3];

  // the incident being replayed
  private String id;
  private boolean logged;
  private Status status;
  private Instant last;
  private String category;
  private String subcategory;
  private Priority priority;
  private String group;
  private String assignee;
  private OnHoldReason holdReason;
  private long version;
  private CsvRows.Row lastRow;

  /**
   * Creates a replayer.
   *
   * @param mapping the column mapping
   * @param desk a desk on {@code clock} and {@code repository}, without triage, whose id
   *     generator answers {@link #currentId()}
   * @param clock the desk's clock
   * @param repository the desk's repository, holding the incident being replayed
   * @param target the store each replayed incident's history is appended to
   * @param slaPolicy the policy the source's "made SLA" is compared with
   * @param sourceName the source's name, in notes ("servicenow")
   * @param keep how many rejected rows to keep with their messages
   * @param writer runs each incident's append and comparison, in the order handed over (a {@link
   *     StoreWriter}'s thread, or {@code Runnable::run} on the calling thread); the counts they
   *     update are guarded by this replayer's lock
   */
  public Replayer(ColumnMapping mapping, ServiceDesk desk, MutableClock clock,
      StagingRepository repository, IncidentRepository target, SlaPolicy slaPolicy,
      String sourceName, int keep, Consumer<Runnable> writer) {
    this(mapping, desk, clock, repository, target, slaPolicy, sourceName, keep, writer, 1);
  }

  /**
   * Creates a replayer that hands a bulk-capable store ({@link BulkIncidentAppend}) up to {@code
   * batchSize} replayed incidents per write.
   *
   * @param mapping the column mapping
   * @param desk the staging desk
   * @param clock the desk's clock
   * @param repository the desk's repository
   * @param target the store
   * @param slaPolicy the policy the source's "made SLA" is compared with
   * @param sourceName the source's name
   * @param keep how many rejected rows to keep with their messages
   * @param writer runs each incident's hand-over, in order (see the other constructor)
   * @param batchSize 1 or more: incidents per write to a bulk-capable store
   */
  public Replayer(ColumnMapping mapping, ServiceDesk desk, MutableClock clock,
      StagingRepository repository, IncidentRepository target, SlaPolicy slaPolicy,
      String sourceName, int keep, Consumer<Runnable> writer, int batchSize) {
    this.batchSize = batchSize;
    this.target = target;
    this.writer = writer;
    this.mapping = mapping;
    this.desk = desk;
    this.clock = clock;
    this.repository = repository;
    this.slaPolicy = slaPolicy;
    this.sourceName = sourceName;
    this.keep = keep;
  }

  /**
   * Returns the id of the incident being logged, for the desk's id generator.
   *
   * @return the source's number
   */
  public String currentId() {
    return id;
  }

  /**
   * Rejects a row without replaying it.
   *
   * @param row the row
   * @param number the incident's number
   * @param reason the reason key
   * @param message the message
   */
  public synchronized void reject(CsvRows.Row row, String number, String reason, String message) {
    rejected++;
    byReason.merge(reason, 1L, Long::sum);
    if (rejections.size() < keep) {
      rejections.add(new ImportSummary.RejectedRow(row.line(), number, reason, message));
    }
  }

  /**
   * Replays one incident's rows.
   *
   * @param number the incident's number
   * @param rows its rows, in file order
   */
  public void replay(String number, List<CsvRows.Row> rows) {
    id = number;
    logged = false;
    status = null;
    last = null;
    category = null;
    subcategory = null;
    priority = null;
    group = null;
    assignee = null;
    holdReason = null;
    version = 0;
    repository.reset();
    if (target.find(number).isPresent()) {
      for (CsvRows.Row row : rows) {
        reject(row, number, "incident already in the store", "line " + row.line() + ": " + number
            + " is already in the store; import into an empty store or leave it out");
      }
      return;
    }
    List<CsvRows.Row> ordered = new ArrayList<>(rows);
    ordered.sort(Comparator.comparingLong((CsvRows.Row r) -> updateCount(r))
        .thenComparing(r -> r.get(Field.UPDATED_AT).orElse(""))
        .thenComparingLong(CsvRows.Row::line));
    for (CsvRows.Row row : ordered) {
      apply(row);
    }
    lastRow = ordered.get(ordered.size() - 1);
    if (logged) {
      store(ordered.get(0));
    }
  }

  /**
   * Compares the replayed history with the export's last row, then hands it to the writer, which
   * appends it to the target store in one step and, once stored, counts it and its comparison.
   */
  private void store(CsvRows.Row first) {
    String number = id;
    List<IncidentEvent> history = repository.history(number);
    Incident state = repository.find(number).orElseThrow();
    Optional<Instant> due = repository.nextDueAt(number);
    Runnable tally = compare(history, lastRow);
    Pending p = new Pending(number, first, new NewIncident(history, state, due), tally);
    writer.accept(() -> {
      pending.add(p);
      if (pending.size() >= batchSize || !(target instanceof BulkIncidentAppend)) {
        flush();
      }
    });
  }

  /**
   * Stores the replayed incidents handed over so far (run on the writer's thread, when it is idle
   * and at the end): a store that can ({@link BulkIncidentAppend}) takes them all in one
   * transaction; if it refuses the batch, nothing of it is stored and each is stored alone, so
   * the one refused is named and those before it stay stored.
   */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> batch = List.copyOf(pending);
    pending.clear();
    if (batch.size() > 1 && target instanceof BulkIncidentAppend bulk) {
      boolean stored;
      try {
        bulk.appendNew(batch.stream().map(Pending::incident).toList());
        stored = true;
      } catch (ItsmException e) {
        stored = false; // all or none: store them one at a time to find the one refused
      }
      if (stored) {
        batch.forEach(this::stored);
        return;
      }
    }
    for (Pending p : batch) {
      NewIncident n = p.incident();
      try {
        target.append(0, n.events(), n.state(), n.nextDueAt());
      } catch (StaleVersionException e) {
        reject(p.first(), p.number(), "incident already in the store", "line " + p.first().line()
            + ": " + p.number() + " was stored by someone else during the import; its rows are"
            + " left out");
        continue;
      } catch (ItsmException e) {
        throw new ItsmException("the store refused incident " + p.number() + ": "
            + e.getMessage(), p.number(), e);
      }
      stored(p);
    }
  }

  private void stored(Pending p) {
    synchronized (this) {
      incidents++;
      events += p.incident().events().size();
      p.tally().run();
    }
  }

  private static long updateCount(CsvRows.Row r) {
    try {
      return r.get(Field.UPDATE_COUNT).map(Long::parseLong).orElse(Long.MAX_VALUE);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** A row that cannot be applied. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String reason;

    Refused(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }

  private void apply(CsvRows.Row row) {
    try {
      Instant at = date(row, Field.UPDATED_AT).orElseThrow();
      SourceState target = state(row);
      if (last != null && at.isBefore(last)) {
        timesAdjusted++;
        at = last;
      }
      long before = version();
      if (!logged) {
        log(row, at);
      }
      clock.set(at);
      boolean finalFirst = status.isFinal() && target != SourceState.CLOSED
          && target != SourceState.CANCELLED;
      if (finalFirst) {
        move(row, target);
        fields(row);
      } else {
        fields(row);
        move(row, target);
      }
      last = at.isBefore(clock.instant()) ? clock.instant() : at;
      if (version() == before) {
        rowsWithoutChange++;
      }
    } catch (Refused r) {
      reject(row, id, r.reason, r.getMessage());
    }
  }

  private long version() {
    return logged ? version : 0;
  }

  private SourceState state(CsvRows.Row row) {
    String raw = row.get(Field.STATE).orElseThrow(() -> new Refused("missing state",
        "line " + row.line() + ": " + id + " has no " + mapping.column(Field.STATE).orElseThrow()));
    SourceState s = mapping.states().get(raw);
    if (s == null) {
      throw new Refused("unknown state '" + raw + "'", "line " + row.line() + ": " + id
          + " has the unknown " + mapping.column(Field.STATE).orElseThrow() + " '" + raw
          + "'; known: " + mapping.states().keySet() + " (add state." + raw.replace(" ", "\\ ")
          + "=... to the column mapping)");
    }
    return s;
  }

  private Optional<Instant> date(CsvRows.Row row, Field field) {
    Optional<String> v = row.get(field);
    if (v.isEmpty()) {
      if (field == Field.UPDATED_AT) {
        throw new Refused("missing " + field.key(), "line " + row.line() + ": " + id + " has no "
            + mapping.column(field).orElseThrow() + ": the time of the update is required");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(v.get(), mapping.dateFormat())
          .atZone(mapping.zone()).toInstant());
    } catch (DateTimeParseException e) {
      throw new Refused("bad date in " + field.key(), "line " + row.line() + ": "
          + mapping.column(field).orElseThrow() + " '" + v.get() + "' of " + id
          + " is not a date of the form " + mapping.datePattern());
    }
  }

  private Actor actor(Optional<String> who) {
    return Actor.of(who.orElse("import"), Role.ADMIN);
  }

  private void log(CsvRows.Row row, Instant at) {
    Instant opened = date(row, Field.OPENED_AT).orElse(at);
    Instant logAt = opened.isAfter(at) ? at : opened;
    Ticket.Builder t = Ticket.builder().id(id).title(title(row)).openedAt(opened);
    row.get(Field.CALLER).ifPresent(c -> t.caller(
        row.get(Field.LOCATION).map(Caller.of(c)::withLocation).orElse(Caller.of(c))));
    row.get(Field.CHANNEL).map(mapping.channels()::get).ifPresent(t::channel);
    row.get(Field.CONFIGURATION_ITEM).ifPresent(t::configurationItem);
    Map<String, String> attrs = new LinkedHashMap<>();
    row.get(Field.SYMPTOM).ifPresent(s -> attrs.put("symptom", s));
    mapping.attributes().forEach((name, col) -> row.column(col).ifPresent(v -> attrs.put(name, v)));
    t.attributes(attrs);
    clock.set(logAt);
    try {
      Incident inc = desk.log(actor(row.get(Field.OPENED_BY).or(() -> row.get(Field.UPDATED_BY))),
          t.build());
      logged = true;
      status = inc.status();
      version = inc.version();
      last = logAt;
    } catch (ItsmException e) {
      throw refused(row, e);
    }
  }

  private String title(CsvRows.Row row) {
    List<String> parts = new ArrayList<>();
    row.get(Field.CATEGORY).ifPresent(parts::add);
    row.get(Field.SUBCATEGORY).ifPresent(parts::add);
    String t = String.join(" / ", parts);
    Optional<String> symptom = row.get(Field.SYMPTOM);
    if (symptom.isPresent()) {
      t = t.isEmpty() ? symptom.get() : t + ": " + symptom.get();
    }
    return t.isEmpty() ? "Incident " + id : t;
  }

  private void fields(CsvRows.Row row) {
    Actor by = actor(row.get(Field.UPDATED_BY));
    Optional<String> cat = row.get(Field.CATEGORY).map(Replayer::slug);
    Optional<String> sub = row.get(Field.SUBCATEGORY).map(Replayer::slug);
    if (cat.isPresent() && (!cat.get().equals(category) || !Objects.equals(sub.orElse(null), subcategory))) {
      run(row, () -> desk.categorize(by, id, cat.get(), sub.orElse(null)));
      category = cat.get();
      subcategory = sub.orElse(null);
    }
    Optional<Priority> p = row.get(Field.PRIORITY).map(v -> value(row, Field.PRIORITY, v, mapping.priorities()));
    if (p.isPresent() && p.get() != priority) {
      Impact impact = row.get(Field.IMPACT).map(v -> value(row, Field.IMPACT, v, mapping.impacts()))
          .orElse(Impact.MEDIUM);
      Urgency urgency = row.get(Field.URGENCY).map(v -> value(row, Field.URGENCY, v, mapping.urgencies()))
          .orElse(Urgency.MEDIUM);
      run(row, () -> desk.prioritize(by, id, impact, urgency, p.get()));
      priority = p.get();
    }
    Optional<String> g = row.get(Field.ASSIGNMENT_GROUP);
    Optional<String> who = row.get(Field.ASSIGNEE);
    if (g.isPresent() && (!g.get().equals(group) || !Objects.equals(who.orElse(null), assignee))) {
      Assignment a = who.isPresent()
          ? Assignment.toPerson(g.get(), who.get(), mapping.levelOf(g.get()))
          : Assignment.toTeam(g.get(), mapping.levelOf(g.get()));
      run(row, () -> desk.assign(by, id, a));
      group = g.get();
      assignee = who.orElse(null);
    }
  }

  private <T> T value(CsvRows.Row row, Field field, String raw, Map<String, T> values) {
    T v = values.get(raw);
    if (v == null) {
      throw new Refused("unknown " + field.key() + " '" + raw + "'", "line " + row.line() + ": "
          + mapping.column(field).orElseThrow() + " '" + raw + "' of " + id + " is not mapped; known: "
          + values.keySet() + " (add " + field.key() + "." + raw.replace(" ", "\\ ")
          + "=... to the column mapping)");
    }
    return v;
  }

  private void move(CsvRows.Row row, SourceState target) {
    Actor by = actor(row.get(Field.UPDATED_BY));
    String note = "in " + sourceName + " by " + by.id();
    switch (target) {
      case NEW -> {
        // New in the source is "not worked yet": an assigned incident not started is that too
        if (status != Status.NEW && status != Status.ASSIGNED) {
          throw new Refused("no move back to New", "line " + row.line() + ": " + id + " is "
              + status + "; the lifecycle has no move back to NEW");
        }
      }
      case ACTIVE -> {
        switch (status) {
          case NEW -> throw new Refused("Active without an assignment group",
              "line " + row.line() + ": " + id + " becomes Active without an assignment group;"
                  + " work starts only on an assigned incident (ASSIGNED -> IN_PROGRESS)");
          case ASSIGNED -> run(row, () -> desk.startWork(by, id));
          case ON_HOLD -> run(row, () -> desk.resume(by, id, "resumed " + note));
          case RESOLVED -> run(row, () -> desk.rejectResolution(by, id, "reopened " + note));
          case CLOSED, CANCELLED -> run(row, () -> desk.reopen(by, id, "reopened " + note));
          default -> { }
        }
      }
      case AWAITING_USER, AWAITING_VENDOR, AWAITING_PROBLEM, AWAITING_EVIDENCE, AWAITING_CHANGE -> {
        OnHoldReason reason = OnHoldReason.valueOf(target.name());
        if (status != Status.ON_HOLD || holdReason != reason) {
          run(row, () -> desk.putOnHold(by, id, reason, "on hold " + note));
          holdReason = reason;
        }
      }
      case RESOLVED -> {
        if (status != Status.RESOLVED) {
          Actor resolver = actor(row.get(Field.RESOLVED_BY).or(() -> row.get(Field.UPDATED_BY)));
          String code = row.get(Field.CLOSED_CODE).map(Replayer::code).orElse(UNKNOWN_RESOLUTION_CODE);
          run(row, () -> desk.proposeResolution(resolver, id, code, "resolved " + note
              + row.get(Field.CLOSED_CODE).map(c -> " with closed code '" + c + "'").orElse("")));
        }
      }
      case CLOSED -> {
        if (status == Status.RESOLVED) {
          run(row, () -> desk.close(by, id, "closed " + note));
        } else if (status != Status.CLOSED) {
          run(row, () -> desk.closeWithoutResolution(by, id, UNRESOLVED_CLOSE_CODE,
              "closed " + note + " without a resolution"
                  + row.get(Field.CLOSED_CODE).map(c -> " (closed code '" + c + "')").orElse("")));
        }
      }
      case CANCELLED -> {
        if (status != Status.CANCELLED) {
          run(row, () -> desk.cancel(by, id, "cancelled " + note));
        }
      }
    }
  }

  private void run(CsvRows.Row row, java.util.function.Supplier<Incident> command) {
    try {
      Incident inc = command.get();
      status = inc.status();
      version = inc.version();
    } catch (ItsmException e) {
      throw refused(row, e);
    }
  }

  private Refused refused(CsvRows.Row row, ItsmException e) {
    String reason;
    if (e instanceof IllegalTransitionException t) {
      reason = "lifecycle refuses " + t.getCommand() + " from " + t.getStatus();
    } else if (e instanceof ValidationException) {
      reason = "invalid value";
    } else {
      reason = e.getClass().getSimpleName();
    }
    return new Refused(reason, "line " + row.line() + ": " + e.getMessage());
  }

  /**
   * Compares the imported incident with the source's final row.
   *
   * @return adds the comparison to the counts (run it under this replayer's lock)
   */
  private Runnable compare(List<IncidentEvent> history, CsvRows.Row lastRow) {
    long reopens = 0;
    long reassignments = 0;
    Instant lastResolved = null;
    Assignment current = null;
    for (IncidentEvent e : history) {
      if (e instanceof Reopened) {
        reopens++;
      } else if (e instanceof Resolved) {
        lastResolved = e.at();
      }
      Optional<Assignment> a = e instanceof Assigned x ? Optional.of(x.assignment())
          : e instanceof Escalated x ? x.assignment() : Optional.empty();
      if (a.isPresent()) {
        // as Metric.REASSIGNMENTS counts: another team, or another holder (not a pick-up)
        if (current != null && (!current.team().equals(a.get().team())
            || (current.assignee().isPresent()
                && !current.assignee().equals(a.get().assignee())))) {
          reassignments++;
        }
        current = a.get();
      }
    }
    Optional<Long> theirReopens = number(lastRow, Field.REOPEN_COUNT);
    Optional<Long> theirReassignments = number(lastRow, Field.REASSIGNMENT_COUNT);
    Optional<Boolean> made = lastRow.get(Field.MADE_SLA).map(v -> v.toLowerCase(Locale.ROOT))
        .filter(v -> v.equals("true") || v.equals("false")).map(Boolean::parseBoolean);
    SlaReport report = SlaClock.evaluate(history, slaPolicy, history.get(history.size() - 1).at());
    SlaState s = report.resolution().state();
    Optional<Boolean> ours = s == SlaState.MET ? Optional.of(true)
        : s == SlaState.MISSED ? Optional.of(false) : Optional.empty();
    Optional<Instant> theirs = lastRow.get(Field.RESOLVED_AT).flatMap(this::parseDate);
    Optional<Instant> oursResolved = Optional.ofNullable(lastResolved);
    long r = reopens;
    long a = reassignments;
    return () -> {
      count(reopen, theirReopens, Optional.of(r));
      count(reassign, theirReassignments, Optional.of(a));
      count(sla, made, ours);
      count(resolved, theirs.map(t -> t.truncatedTo(ChronoUnit.MINUTES)),
          oursResolved.map(t -> t.truncatedTo(ChronoUnit.MINUTES)));
    };
  }

  private Optional<Instant> parseDate(String v) {
    try {
      return Optional.of(LocalDateTime.parse(v, mapping.dateFormat()).atZone(mapping.zone()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> number(CsvRows.Row row, Field f) {
    try {
      return row.get(f).map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static <T> void count(long[] agreement, Optional<T> theirs, Optional<T> ours) {
    if (theirs.isEmpty() || ours.isEmpty()) {
      agreement[2]++;
    } else if (theirs.get().equals(ours.get())) {
      agreement[0]++;
    } else {
      agreement[1]++;
    }
  }

  /**
   * Turns a source's category into a catalogue code: lower case, letters and digits, single
   * hyphens ("Category 55" → "category-55").
   *
   * @param s the source's value
   * @return the code
   */
  public static String slug(String s) {
    String x = collapse(s.toLowerCase(Locale.ROOT), 'a', 'z', '-');
    return x.isEmpty() ? "other" : x;
  }

  /**
   * Keeps the letters {@code lo..hi} and digits, turns every run of other characters into one
   * separator, and drops separators at both ends (what {@code [^a-z0-9]+ -> -} then trimming
   * does, without compiling a pattern per call: the import calls it for every row).
   */
  private static String collapse(String s, char lo, char hi, char separator) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= lo && c <= hi) || (c >= '0' && c <= '9')) {
        if (gap && sb.length() > 0) {
          sb.append(separator);
        }
        gap = false;
        sb.append(c);
      } else {
        gap = true;
      }
    }
    return sb.toString();
  }

  /**
   * Turns a source's closed code into a resolution code: upper case, letters, digits and
   * underscores, starting with a letter ("code 5" → "CODE_5").
   *
   * @param s the source's value
   * @return the code
   */
  public static String code(String s) {
    String x = collapse(s.toUpperCase(Locale.ROOT), 'A', 'Z', '_');
    if (x.isEmpty()) {
      return UNKNOWN_RESOLUTION_CODE;
    }
    return Character.isLetter(x.charAt(0)) ? x : "C_" + x;
  }

  /**
   * Returns the counts so far.
   *
   * @param source the file's name
   * @param rows rows read
   * @return the summary
   */
  public synchronized ImportSummary summary(String source, long rows) {
    return new ImportSummary(source, rows, incidents, events, rowsWithoutChange, timesAdjusted,
        rejected, byReason, rejections, agreement(reopen), agreement(reassign), agreement(sla),
        agreement(resolved));
  }

  private static ImportSummary.Agreement agreement(long[] a) {
    return new ImportSummary.Agreement(a[0], a[1], a[2]);
  }
}
