package io.itsm.jdbc;

import io.itsm.core.StaleRecordException;
import io.itsm.core.cmdb.CiAuditQuery;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.json.CmdbJson;
import io.itsm.core.json.ItsmJson;
import io.itsm.jdbc.internal.PracticeRecords;
import io.itsm.jdbc.internal.RecordTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration items in the store's database: each command's events go to the events table
 * (aggregate type {@value #AGGREGATE_TYPE}) and the item's latest state to the records table, in
 * one transaction, as for incidents. Get one from {@link JdbcStore#cmdb()}, or let the kernel find
 * it: {@code Cmdb.builder().kernel(Kernel.ofDefaults().withStores(store.stores()))}.
 *
 * <p><b>Concurrency.</b> Of two commands based on the same version of an item — in two threads or
 * two application instances — the second gets {@link StaleRecordException} and stores nothing.
 * {@link #appendAll} (an import, a change's verification applying its updates) writes every item
 * in one transaction: all of them or, when one is stale or the database fails, none.
 *
 * <p><b>Queries.</b> {@link #find(CiQuery)} with a team, location, type or lowest criticality
 * reads the items through the store's key index ({@code itsm_record_key}, kept in the same
 * transaction as each item's state: its type, criticality, owner and support teams and location),
 * from the first of these the query names in that order, the others and the status checked in
 * the same statement; otherwise it reads the items of the query's status from the status index
 * (all items when it names none). A lowest criticality of {@code LOW} does not narrow (every item
 * meets it). Either way the query then checks each candidate (the text criterion is checked only
 * there), so the result is exactly the items that match, by id. {@link #audit} with an item reads
 * that item's history, without one every item's history. A {@code Cmdb} reads every item once
 * when it is built (its graph index) and again after an import.
 *
 * <p>Thread-safe: every method takes its own connection from the data source.
 */
public final class JdbcCmdbRepository implements CmdbRepository {

  /** The aggregate type of configuration items in the events and records tables. */
  public static final String AGGREGATE_TYPE = "configuration-item";

  /** The search key of an item's owner and support teams. */
  static final String KEY_TEAM = "team";
  /** The search key of an item's location. */
  static final String KEY_LOCATION = "location";
  /** The search key of an item's type. */
  static final String KEY_TYPE = "type";
  /** The search key of an item's criticality. */
  static final String KEY_CRITICALITY = "criticality";

  private final PracticeRecords<ConfigurationItem, CiEvent> records;

  JdbcCmdbRepository(RecordTable table, ItsmJson json) {
    CmdbJson cmdb = Objects.requireNonNull(json, "json").cmdb();
    this.records = new PracticeRecords<>(table, "configuration item", new PracticeRecords.Codec<>() {
      @Override
      public String id(ConfigurationItem s) {
        return s.id();
      }

      @Override
      public long version(ConfigurationItem s) {
        return s.version();
      }

      @Override
      public String status(ConfigurationItem s) {
        return s.status().name();
      }

      @Override
      public Instant updatedAt(ConfigurationItem s) {
        return s.updatedAt();
      }

      @Override
      public String writeState(ConfigurationItem s) {
        return cmdb.writeItem(s);
      }

      @Override
      public ConfigurationItem readState(String text) {
        return cmdb.readItem(text);
      }

      @Override
      public long sequence(CiEvent e) {
        return e.sequence();
      }

      @Override
      public String recordId(CiEvent e) {
        return e.ciId();
      }

      @Override
      public Instant at(CiEvent e) {
        return e.at();
      }

      @Override
      public String actor(CiEvent e) {
        return e.actor();
      }

      @Override
      public String writeEvent(CiEvent e) {
        return cmdb.writeEvent(e);
      }

      @Override
      public CiEvent readEvent(String text) {
        return cmdb.readEvent(text);
      }

      @Override
      public Set<RecordTable.Key> keys(ConfigurationItem s) {
        Set<RecordTable.Key> keys = new HashSet<>();
        keys.add(new RecordTable.Key(KEY_TYPE, s.type().name()));
        keys.add(new RecordTable.Key(KEY_CRITICALITY, s.criticality().name()));
        s.ownerTeam().ifPresent(t -> keys.add(new RecordTable.Key(KEY_TEAM, t)));
        s.supportTeam().ifPresent(t -> keys.add(new RecordTable.Key(KEY_TEAM, t)));
        s.location().ifPresent(l -> keys.add(new RecordTable.Key(KEY_LOCATION, l)));
        return keys;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws StaleRecordException if the stored version differs (for a new item: it exists);
   *     nothing is stored then
   * @throws JdbcStoreException if the database fails (nothing is stored unless the message says
   *     the commit's outcome is unknown)
   */
  @Override
  public void append(long expectedVersion, List<CiEvent> events, ConfigurationItem newState) {
    records.append(expectedVersion, events, newState);
  }

  /**
   * {@inheritDoc} Here in one transaction: all items are stored, or none.
   *
   * @throws StaleRecordException if an item's stored version differs; nothing is stored then
   * @throws JdbcStoreException if the database fails (nothing is stored unless the message says
   *     the commit's outcome is unknown)
   */
  @Override
  public void appendAll(List<Append> appends) {
    Objects.requireNonNull(appends, "appends");
    List<PracticeRecords.Append<ConfigurationItem, CiEvent>> rows =
        new ArrayList<>(appends.size());
    for (Append a : appends) {
      rows.add(new PracticeRecords.Append<>(a.expectedVersion(), a.events(), a.newState()));
    }
    records.appendAll(rows);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or the stored state cannot be read
   */
  @Override
  public Optional<ConfigurationItem> find(String id) {
    return records.find(id);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  @Override
  public List<CiEvent> history(String id) {
    return records.history(id);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or a stored state cannot be read
   */
  @Override
  public List<ConfigurationItem> find(CiQuery query) {
    Objects.requireNonNull(query, "query");
    // the likely most selective first: a team or location names few items, a type many
    List<RecordTable.KeyFilter> filters = new ArrayList<>();
    query.team().filter(RecordTable.Key::indexable)
        .ifPresent(t -> filters.add(RecordTable.KeyFilter.of(KEY_TEAM, t)));
    query.location().filter(RecordTable.Key::indexable)
        .ifPresent(l -> filters.add(RecordTable.KeyFilter.of(KEY_LOCATION, l)));
    query.type().ifPresent(t -> filters.add(RecordTable.KeyFilter.of(KEY_TYPE, t.name())));
    query.atLeast().filter(c -> c != Criticality.values()[0]).ifPresent(c -> {
      Set<String> levels = new HashSet<>();
      for (Criticality level : Criticality.values()) {
        if (level.isAtLeast(c)) {
          levels.add(level.name());
        }
      }
      filters.add(new RecordTable.KeyFilter(KEY_CRITICALITY, levels));
    });
    Set<String> statuses = query.status().map(s -> Set.of(s.name())).orElse(Set.of());
    return records.candidates(filters, statuses).stream().filter(query::matches).toList();
  }

  /** The items' records (for the store's backfill of the key index and restores). */
  PracticeRecords<ConfigurationItem, CiEvent> records() {
    return records;
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  @Override
  public List<CiEvent> audit(CiAuditQuery query) {
    Objects.requireNonNull(query, "query");
    List<String> ids = query.ciId().isPresent() ? List.of(query.ciId().get())
        : records.all().stream().map(ConfigurationItem::id).toList();
    List<CiEvent> out = new ArrayList<>();
    for (String id : ids) {
      for (CiEvent e : records.history(id)) {
        if (query.matchesEvent(e)) {
          out.add(e);
        }
      }
    }
    out.sort(Comparator.comparing(CiEvent::at).thenComparing(CiEvent::ciId)
        .thenComparingLong(CiEvent::sequence));
    return out;
  }

  /**
   * Counts the configuration items in the store.
   *
   * @return the number of items
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    return records.count();
  }

  @Override
  public String toString() {
    return "JdbcCmdbRepository";
  }
}
