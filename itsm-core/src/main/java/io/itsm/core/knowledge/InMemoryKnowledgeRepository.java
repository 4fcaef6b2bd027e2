package io.itsm.core.knowledge;

import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A knowledge repository in memory: lost when the application stops.
 *
 * <p>Thread-safe: appends to one article are serialized and compare the version atomically. An
 * append costs the new events only, not the article's whole history (usage events make histories
 * long); {@link #history} copies.
 */
public final class InMemoryKnowledgeRepository implements KnowledgeRepository {

  /** An article's state and its events; the list only grows, under its own lock. */
  private record Entry(KnowledgeArticle state, List<KnowledgeEvent> events) {}

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

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
      return new Entry(newState, all);
    });
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
    List<KnowledgeArticle> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (query.matches(e.state())) {
        out.add(e.state());
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
