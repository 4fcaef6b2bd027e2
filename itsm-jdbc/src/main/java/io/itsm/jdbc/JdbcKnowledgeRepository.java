package io.itsm.jdbc;

import io.itsm.core.ItsmException;
import io.itsm.core.json.KnowledgeJson;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.StaleArticleException;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import io.itsm.jdbc.internal.RecordTable;
import io.itsm.jdbc.internal.RecordTable.EventRow;
import io.itsm.jdbc.internal.RecordTable.StateRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knowledge articles in the store's database: each command's events go into {@code itsm_event}
 * (aggregate type {@value #AGGREGATE_TYPE}) and the article's latest state into {@code
 * itsm_record} (its {@code status} column holds the article's state), in one transaction, both in
 * the JSON of {@code ItsmJson.knowledge()}. Get one from {@link JdbcStore#knowledge()}, or let a
 * knowledge base on the store's kernel find it:
 *
 * <pre>{@code
 * Kernel kernel = Kernel.ofDefaults().withStores(store.stores());
 * KnowledgeBase kb = KnowledgeBase.builder().kernel(kernel).index(KnowledgeIndex.inMemory()).build();
 * }</pre>
 *
 * <p><b>Concurrency.</b> Of two commands on the same article and version — two threads, or two
 * application instances on one database — the second gets {@link StaleArticleException} and
 * nothing of it is stored (the knowledge base retries usage counts; other commands report it).
 * {@link #appendAll} (the suggestions a knowledge base records at once) writes every article in
 * one transaction: all of them or, when one is stale or the database fails, none.
 *
 * <p><b>Searching.</b> {@link #find(KnowledgeQuery)} with a state reads that state's rows from the
 * status index; the other criteria (kind, author, link, category) are checked on the parsed
 * articles, so a query without a state reads every article of the store. Full-text search is the
 * knowledge index's job (itsm-rules' {@code KnowledgeIndex}), rebuilt from this repository when the
 * knowledge base is built.
 *
 * <p><b>Unreadable records.</b> An event whose JSON no longer parses makes {@link #history} throw
 * {@link JdbcStoreException} naming the article and the sequence; a state row that does not parse
 * is rebuilt from the article's events (a warning is logged); {@link #find(KnowledgeQuery)} leaves
 * out, with an error logged, an article that can be read neither way.
 *
 * <p>Thread-safe: every method takes its own connection from the store's data source.
 */
public final class JdbcKnowledgeRepository implements KnowledgeRepository {

  /** The aggregate type of knowledge articles in the events and records tables. */
  public static final String AGGREGATE_TYPE = "knowledge-article";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcKnowledgeRepository.class);

  private final RecordTable table;
  private final KnowledgeJson json;

  JdbcKnowledgeRepository(RecordTable table, KnowledgeJson json) {
    this.table = table;
    this.json = json;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the events are empty, belong to another article or are
   *     not numbered on from {@code expectedVersion}, or the new state's version is not the last
   *     event's sequence
   * @throws JdbcStoreException if the database fails (nothing was stored, unless the message says
   *     the commit's outcome is unknown)
   */
  @Override
  public void append(long expectedVersion, List<KnowledgeEvent> events, KnowledgeArticle newState) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(newState, "newState");
    OptionalLong stored = table.append(expectedVersion, eventRows(newState.id(), events),
        stateRow(newState));
    if (stored.isPresent()) {
      throw new StaleArticleException(newState.id(), expectedVersion, stored.getAsLong());
    }
  }

  /**
   * {@inheritDoc} Here in one transaction: every article's events and state row are stored, or —
   * when one article's version moved, or the database fails on any row — none.
   *
   * @throws IllegalArgumentException if two appends are to the same article
   * @throws StaleArticleException if an article's stored version differs (the first such article
   *     is named); nothing is stored then
   * @throws JdbcStoreException if the database fails (the transaction was rolled back and nothing
   *     was stored, unless the message says the commit's outcome is unknown)
   */
  @Override
  public void appendAll(List<Append> appends) {
    Append.distinct(appends);
    List<RecordTable.Append> rows = new ArrayList<>(appends.size());
    for (Append a : appends) {
      rows.add(new RecordTable.Append(a.expectedVersion(),
          eventRows(a.newState().id(), a.events()), stateRow(a.newState())));
    }
    Optional<RecordTable.Stale> stale = table.appendAll(rows);
    if (stale.isPresent()) {
      RecordTable.Stale x = stale.get();
      throw new StaleArticleException(x.id(), x.expectedVersion(), x.storedVersion());
    }
  }

  private List<EventRow> eventRows(String id, List<KnowledgeEvent> events) {
    List<EventRow> rows = new ArrayList<>(events.size());
    for (KnowledgeEvent e : events) {
      Objects.requireNonNull(e, "events must not contain null");
      if (!e.articleId().equals(id)) {
        throw new IllegalArgumentException("events appended to article " + id + " must be its own,"
            + " but " + e.type() + " #" + e.sequence() + " is of " + e.articleId());
      }
      rows.add(new EventRow(e.sequence(), e.type(), e.at(), e.actor(), json.writeEvent(e)));
    }
    return rows;
  }

  private StateRow stateRow(KnowledgeArticle a) {
    return new StateRow(a.id(), a.version(), Optional.of(a.state().name()), a.updatedAt(),
        json.writeArticle(a));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails, or neither the article's state nor its
   *     events can be read
   */
  @Override
  public Optional<KnowledgeArticle> find(String id) {
    Objects.requireNonNull(id, "id");
    return table.find(id).map(this::article);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or an event cannot be read (the message names
   *     the article and the event's sequence)
   */
  @Override
  public List<KnowledgeEvent> history(String id) {
    Objects.requireNonNull(id, "id");
    List<EventRow> rows = table.history(id);
    List<KnowledgeEvent> out = new ArrayList<>(rows.size());
    for (EventRow r : rows) {
      KnowledgeEvent e;
      try {
        e = json.readEvent(r.payload());
      } catch (ItsmException | IllegalArgumentException ex) {
        throw unreadable(id, r.sequence(), "its JSON does not parse (" + ex.getMessage() + ")", ex);
      }
      if (!e.articleId().equals(id) || e.sequence() != r.sequence()) {
        throw unreadable(id, r.sequence(), "its JSON says " + e.type() + " #" + e.sequence()
            + " of " + e.articleId(), null);
      }
      out.add(e);
    }
    return out;
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<KnowledgeArticle> find(KnowledgeQuery query) {
    Objects.requireNonNull(query, "query");
    List<StateRow> rows = query.state().map(s -> table.withStatus(s.name())).orElseGet(table::all);
    List<KnowledgeArticle> out = new ArrayList<>();
    for (StateRow row : rows) {
      KnowledgeArticle a;
      try {
        a = article(row);
      } catch (JdbcStoreException e) {
        LOG.error("knowledge article {} is left out of a search: {}", row.id(), e.getMessage());
        continue;
      }
      if (query.matches(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public int size() {
    return Math.toIntExact(table.count());
  }

  @Override
  public String toString() {
    return "JdbcKnowledgeRepository[" + AGGREGATE_TYPE + "]";
  }

  /**
   * Checks every knowledge record, for {@link JdbcStore#check()}: each article's events parse, are
   * its own and numbered 1, 2, ... without gaps; its state row parses and equals what its events
   * rebuild; no state row without events and no events without a state row.
   *
   * @param idsWithEvents the ids of every article that has events in {@code itsm_event}
   * @param problems where the problems go, by article and sequence
   */
  void check(Set<String> idsWithEvents, List<StoreProblem> problems) {
    Set<String> withState = new HashSet<>();
    for (StateRow row : table.all()) {
      withState.add(row.id());
      if (!idsWithEvents.contains(row.id())) {
        problems.add(new StoreProblem(row.id(), 0, "a knowledge article state row without"
            + " events: the events are the truth, so this row describes nothing; restore its"
            + " events or delete it"));
        continue;
      }
      List<KnowledgeEvent> events = readableHistory(row.id(), problems);
      KnowledgeArticle stored;
      try {
        stored = json.readArticle(row.state());
      } catch (ItsmException | IllegalArgumentException e) {
        problems.add(new StoreProblem(row.id(), 0, "the knowledge article's state row does not"
            + " parse (" + e.getMessage() + "); reads rebuild it from the events"));
        continue;
      }
      if (events == null) {
        continue;
      }
      KnowledgeArticle rebuilt;
      try {
        rebuilt = KnowledgeHistory.replay(events);
      } catch (ItsmException | IllegalArgumentException e) {
        problems.add(new StoreProblem(row.id(), 0, "the knowledge article's events do not replay ("
            + e.getMessage() + "); restore the article from a backup"));
        continue;
      }
      if (stored.version() != row.version() || !stored.equals(rebuilt)) {
        problems.add(new StoreProblem(row.id(), 0, "the knowledge article's state row (version "
            + stored.version() + ", column " + row.version() + ") differs from what its "
            + events.size() + " events rebuild; reads return the row as it is"));
      }
    }
    for (String id : new TreeSet<>(idsWithEvents)) {
      if (!withState.contains(id)) {
        problems.add(new StoreProblem(id, 0, "knowledge article events without a state row: the"
            + " article cannot be found; restore the store from a backup (import rebuilds every"
            + " state row)"));
      }
    }
  }

  /** An article's events, or null (with the problem added) when one cannot be read. */
  private List<KnowledgeEvent> readableHistory(String id, List<StoreProblem> problems) {
    List<EventRow> rows = table.history(id);
    List<KnowledgeEvent> out = new ArrayList<>(rows.size());
    for (EventRow r : rows) {
      if (r.sequence() != out.size() + 1) {
        problems.add(new StoreProblem(id, r.sequence(), "event #" + r.sequence()
            + " of knowledge article " + id + " follows #" + out.size() + ": the history has a"
            + " gap; restore the article from a backup"));
        return null;
      }
      try {
        KnowledgeEvent e = json.readEvent(r.payload());
        if (!e.articleId().equals(id) || e.sequence() != r.sequence()) {
          throw new IllegalArgumentException("its JSON says " + e.type() + " #" + e.sequence()
              + " of " + e.articleId());
        }
        out.add(e);
      } catch (ItsmException | IllegalArgumentException e) {
        problems.add(new StoreProblem(id, r.sequence(), "event #" + r.sequence()
            + " of knowledge article " + id + " cannot be read: " + e.getMessage()
            + "; repair the row in itsm_event or restore a backup"));
        return null;
      }
    }
    return out;
  }

  /** The article of a state row, rebuilt from its events when the row does not parse. */
  private KnowledgeArticle article(StateRow row) {
    try {
      KnowledgeArticle a = json.readArticle(row.state());
      if (a.id().equals(row.id()) && a.version() == row.version()) {
        return a;
      }
      LOG.warn("the stored state of knowledge article {} is article {} version {}, not version {}:"
          + " rebuilt from its events", row.id(), a.id(), a.version(), row.version());
    } catch (ItsmException | IllegalArgumentException e) {
      LOG.warn("the stored state of knowledge article {} does not parse ({}): rebuilt from its"
          + " events", row.id(), e.getMessage());
    }
    List<KnowledgeEvent> events = history(row.id());
    if (events.isEmpty()) {
      throw unreadable(row.id(), 0, "its state row does not parse and it has no events", null);
    }
    try {
      return KnowledgeHistory.replay(events);
    } catch (ItsmException | IllegalArgumentException e) {
      throw unreadable(row.id(), 0, "its state row does not parse and its events do not replay ("
          + e.getMessage() + ")", e);
    }
  }

  private static JdbcStoreException unreadable(String id, long sequence, String problem,
      Throwable cause) {
    return new JdbcStoreException((sequence > 0 ? "event #" + sequence + " of knowledge article "
        : "knowledge article ") + id + " cannot be read: " + problem + "; repair the row in"
        + " itsm_event/itsm_record (aggregate_type '" + AGGREGATE_TYPE + "') or restore a backup",
        id, cause);
  }
}
