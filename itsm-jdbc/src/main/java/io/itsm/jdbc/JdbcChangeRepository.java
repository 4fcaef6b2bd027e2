package io.itsm.jdbc;

import io.itsm.core.StaleRecordException;
import io.itsm.core.cmdb.ChangeEvent;
import io.itsm.core.cmdb.ChangeQuery;
import io.itsm.core.cmdb.ChangeRepository;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.json.CmdbJson;
import io.itsm.core.json.ItsmJson;
import io.itsm.jdbc.internal.PracticeRecords;
import io.itsm.jdbc.internal.RecordIds;
import io.itsm.jdbc.internal.RecordTable;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Change requests in the store's database: each command's events go to the events table
 * (aggregate type {@value #AGGREGATE_TYPE}) and the change's latest state to the records table, in
 * one transaction, as for incidents. Get one from {@link JdbcStore#changes()}, or let the kernel
 * find it: {@code Kernel.ofDefaults().withStores(store.stores())}.
 *
 * <p><b>Concurrency.</b> Of two commands based on the same version of a change — in two threads or
 * two application instances — the second gets {@link StaleRecordException} and stores nothing.
 *
 * <p><b>Queries.</b> {@link #find(ChangeQuery)} with an item reads the changes that touch it
 * through the store's key index ({@code itsm_record_key}, kept in the same transaction as each
 * change's state: the items its plan affects or updates), narrowed to the query's status in the
 * same statement; without an item, it reads the changes of the query's status from the status
 * index (all changes when it names none). Either way the query then checks each candidate, so
 * the result is exactly the changes that match, ordered by id.
 *
 * <p>Thread-safe: every method takes its own connection from the data source.
 */
public final class JdbcChangeRepository implements ChangeRepository {

  /** The aggregate type of change requests in the events and records tables. */
  public static final String AGGREGATE_TYPE = "change-request";

  /** The search key of the items a change touches. */
  static final String KEY_CI = "ci";

  private final PracticeRecords<ChangeRequest, ChangeEvent> records;
  private final RecordIds ids;

  JdbcChangeRepository(RecordTable table, ItsmJson json) {
    this.ids = new RecordIds(table, "CHG");
    CmdbJson cmdb = Objects.requireNonNull(json, "json").cmdb();
    this.records = new PracticeRecords<>(table, "change request", new PracticeRecords.Codec<>() {
      @Override
      public String id(ChangeRequest s) {
        return s.id();
      }

      @Override
      public long version(ChangeRequest s) {
        return s.version();
      }

      @Override
      public String status(ChangeRequest s) {
        return s.status().name();
      }

      @Override
      public Instant updatedAt(ChangeRequest s) {
        return s.updatedAt();
      }

      @Override
      public String writeState(ChangeRequest s) {
        return cmdb.writeChange(s);
      }

      @Override
      public ChangeRequest readState(String text) {
        return cmdb.readChange(text);
      }

      @Override
      public long sequence(ChangeEvent e) {
        return e.sequence();
      }

      @Override
      public String recordId(ChangeEvent e) {
        return e.changeId();
      }

      @Override
      public Instant at(ChangeEvent e) {
        return e.at();
      }

      @Override
      public String actor(ChangeEvent e) {
        return e.actor();
      }

      @Override
      public String writeEvent(ChangeEvent e) {
        return cmdb.writeChangeEvent(e);
      }

      @Override
      public ChangeEvent readEvent(String text) {
        return cmdb.readChangeEvent(text);
      }

      @Override
      public Set<RecordTable.Key> keys(ChangeRequest s) {
        Set<RecordTable.Key> keys = new HashSet<>();
        for (String ci : s.plan().touchedCis()) {
          keys.add(new RecordTable.Key(KEY_CI, ci));
        }
        return keys;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws StaleRecordException if the stored version differs (for a new change: it exists);
   *     nothing is stored then
   * @throws JdbcStoreException if the database fails (nothing is stored unless the message says
   *     the commit's outcome is unknown)
   */
  @Override
  public void append(long expectedVersion, List<ChangeEvent> events, ChangeRequest newState) {
    records.append(expectedVersion, events, newState);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or the stored state cannot be read
   */
  @Override
  public Optional<ChangeRequest> find(String id) {
    return records.find(id);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  @Override
  public List<ChangeEvent> history(String id) {
    return records.history(id);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or a stored state cannot be read
   */
  @Override
  public List<ChangeRequest> find(ChangeQuery query) {
    Objects.requireNonNull(query, "query");
    List<RecordTable.KeyFilter> filters = query.ciId().filter(RecordTable.Key::indexable)
        .map(ci -> List.of(RecordTable.KeyFilter.of(KEY_CI, ci))).orElse(List.of());
    Set<String> statuses = query.status().map(s -> Set.of(s.name())).orElse(Set.of());
    return records.candidates(filters, statuses).stream().filter(query::matches).toList();
  }

  /** The change requests' records (for the store's backfill of the key index and restores). */
  PracticeRecords<ChangeRequest, ChangeEvent> records() {
    return records;
  }

  /**
   * Returns new change ids ({@code CHG-000001}, ...) taken from the database's counter of change
   * requests (schema 3), which starts after the highest stored id: two application instances
   * requesting changes at once on one database never get the same id.
   *
   * @return the ids
   */
  @Override
  public Optional<Supplier<String>> changeIds() {
    return Optional.of(ids);
  }

  /**
   * Counts the change requests in the store.
   *
   * @return the number of changes
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    return records.count();
  }

  @Override
  public String toString() {
    return "JdbcChangeRepository";
  }
}
