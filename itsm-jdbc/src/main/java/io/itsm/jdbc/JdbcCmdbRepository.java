package io.itsm.jdbc;

import io.itsm.core.StaleRecordException;
import io.itsm.core.cmdb.CiAuditQuery;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.json.CmdbJson;
import io.itsm.core.json.ItsmJson;
import io.itsm.jdbc.internal.PracticeRecords;
import io.itsm.jdbc.internal.RecordTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * <p><b>Queries.</b> {@link #find(CiQuery)} reads the items of the query's status from the status
 * index (all items when it names none) and filters the rest in memory; {@link #audit} with an
 * item reads that item's history, without one every item's history. A {@code Cmdb} reads every
 * item once when it is built (its graph index) and again after an import.
 *
 * <p>Thread-safe: every method takes its own connection from the data source.
 */
public final class JdbcCmdbRepository implements CmdbRepository {

  /** The aggregate type of configuration items in the events and records tables. */
  public static final String AGGREGATE_TYPE = "configuration-item";

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
    List<ConfigurationItem> candidates = query.status().isPresent()
        ? records.withStatus(query.status().get().name()) : records.all();
    return candidates.stream().filter(query::matches).toList();
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
