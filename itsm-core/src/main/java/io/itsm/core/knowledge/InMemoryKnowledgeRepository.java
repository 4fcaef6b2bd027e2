package io.itsm.core.knowledge;

import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A knowledge repository in memory: lost when the application stops.
 *
 * <p>Thread-safe: appends to one article are serialized and compare the version atomically;
 * appends to different articles run concurrently. {@link #appendAll} excludes every other write
 * while it compares all its articles' versions and then stores them, so it stores all of them or
 * none (a reader that looks at two of its articles while it stores may see one changed before the
 * other). An append costs the new events only, not the article's whole history (usage events make
 * histories long); {@link #history} copies.
 *
 * <p>{@link #find(KnowledgeQuery)} reads only the articles of the query's most selective
 * criterion — the record it is linked to, else its state, else its kind — from secondary indexes
 * kept in step with every append; a query without these reads every article.
 */
public final class InMemoryKnowledgeRepository implements KnowledgeRepository {

  /** An article's state and its events; the list only grows, under its own lock. */
  private record Entry(KnowledgeArticle state, List<KnowledgeEvent> events) {}

  /** A value of an indexed criterion: a state, a kind, or a linked record's id. */
  private record Key(String criterion, String value) {}

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentMap<Key, Set<String>> index = new ConcurrentHashMap<>();
  /** Shared by single appends (serialized per article by the map), exclusive for appendAll. */
  private final ReadWriteLock writes = new ReentrantReadWriteLock();

  /** Creates an empty repository. */
  public InMemoryKnowledgeRepository() {}

  @Override
  public void append(long expectedVersion, List<KnowledgeEvent> events, KnowledgeArticle newState) {
    Objects.requireNonNull(newState, "newState");
    List<KnowledgeEvent> added = List.copyOf(Objects.requireNonNull(events, "events"));
    if (added.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    writes.readLock().lock();
    try {
      store(expectedVersion, added, newState);
    } finally {
      writes.readLock().unlock();
    }
  }

  /**
   * Appends to several articles, all or none: every article's stored version is compared with its
   * append's expected one before anything is stored, while no other append runs.
   *
   * <p>Thread-safe.
   *
   * @param appends the appends, at most one per article
   * @throws NullPointerException if {@code appends} or one of them is null
   * @throws IllegalArgumentException if two appends are to the same article; nothing is stored
   * @throws StaleArticleException if an article's stored version differs (the first such article
   *     in the list is named); nothing is stored then
   */
  @Override
  public void appendAll(List<Append> appends) {
    Append.distinct(appends);
    if (appends.isEmpty()) {
      return;
    }
    writes.writeLock().lock();
    try {
      for (Append a : appends) {
        Entry e = entries.get(a.newState().id());
        long actual = e == null ? 0 : e.state().version();
        if (actual != a.expectedVersion()) {
          throw new StaleArticleException(a.newState().id(), a.expectedVersion(), actual);
        }
      }
      for (Append a : appends) {
        store(a.expectedVersion(), a.events(), a.newState());
      }
    } finally {
      writes.writeLock().unlock();
    }
  }

  /** Stores one article's events if its version is still the expected one. */
  private void store(long expectedVersion, List<KnowledgeEvent> added, KnowledgeArticle newState) {
    entries.compute(newState.id(), (id, current) -> {
      long actual = current == null ? 0 : current.state().version();
      if (actual != expectedVersion) {
        throw new StaleArticleException(id, expectedVersion, actual);
      }
      List<KnowledgeEvent> all = current == null ? new ArrayList<>() : current.events();
      synchronized (all) {
        all.addAll(added);
      }
      reindex(id, current == null ? Set.of() : keys(current.state()), keys(newState));
      return new Entry(newState, all);
    });
  }

  /**
   * Moves an article between the secondary indexes: added to its new keys before it leaves its
   * old ones, so that a concurrent find sees it under one of them (and checks the article).
   */
  private void reindex(String id, Set<Key> before, Set<Key> after) {
    for (Key k : after) {
      if (!before.contains(k)) {
        index.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(id);
      }
    }
    for (Key k : before) {
      if (!after.contains(k)) {
        Set<String> ids = index.get(k);
        if (ids != null) {
          ids.remove(id);
        }
      }
    }
  }

  private static Set<Key> keys(KnowledgeArticle a) {
    Set<Key> out = new HashSet<>();
    out.add(new Key("state", a.state().name()));
    out.add(new Key("kind", a.kind().name()));
    for (ArticleLink l : a.links()) {
      out.add(new Key("link", l.recordId()));
    }
    return out;
  }

  @Override
  public Optional<KnowledgeArticle> find(String id) {
    Entry e = entries.get(Objects.requireNonNull(id, "id"));
    return e == null ? Optional.empty() : Optional.of(e.state());
  }

  @Override
  public List<KnowledgeEvent> history(String id) {
    Entry e = entries.get(Objects.requireNonNull(id, "id"));
    if (e == null) {
      return List.of();
    }
    synchronized (e.events()) {
      return List.copyOf(e.events().subList(0, (int) e.state().version()));
    }
  }

  @Override
  public List<KnowledgeArticle> find(KnowledgeQuery query) {
    Objects.requireNonNull(query, "query");
    Optional<Key> key = query.linkedTo().map(r -> new Key("link", r))
        .or(() -> query.state().map(st -> new Key("state", st.name())))
        .or(() -> query.kind().map(k -> new Key("kind", k.name())));
    List<KnowledgeArticle> out = new ArrayList<>();
    if (key.isPresent()) {
      for (String id : index.getOrDefault(key.get(), Set.of())) {
        Entry e = entries.get(id);
        if (e != null && query.matches(e.state())) {
          out.add(e.state());
        }
      }
    } else {
      for (Entry e : entries.values()) {
        if (query.matches(e.state())) {
          out.add(e.state());
        }
      }
    }
    out.sort(Comparator.comparing(KnowledgeArticle::id));
    return out;
  }

  @Override
  public int size() {
    return entries.size();
  }
}
