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

/**
 * A knowledge repository in memory: lost when the application stops.
 *
 * <p>Thread-safe: appends to one article are serialized and compare the version atomically. An
 * append costs the new events only, not the article's whole history (usage events make histories
 * long); {@link #history} copies.
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

  /** Creates an empty repository. */
  public InMemoryKnowledgeRepository() {}

  @Override
  public void append(long expectedVersion, List<KnowledgeEvent> events, KnowledgeArticle newState) {
    Objects.requireNonNull(newState, "newState");
    List<KnowledgeEvent> added = List.copyOf(Objects.requireNonNull(events, "events"));
    if (added.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
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
