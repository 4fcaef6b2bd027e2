package io.itsm.core.announcement;

import io.itsm.core.StaleRecordException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An announcement repository in memory.
 *
 * <p>Thread-safe: appends to one announcement are serialized and compare the version atomically.
 */
public final class InMemoryAnnouncementRepository implements AnnouncementRepository {

  static final Comparator<Announcement> NEWEST_FIRST =
      Comparator.comparing((Announcement a) -> a.content().window().start()).reversed()
          .thenComparing(Announcement::id);

  private record Entry(Announcement state, List<AnnouncementEvent> events) {}

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** Creates an empty repository. */
  public InMemoryAnnouncementRepository() {}

  @Override
  public void append(long expectedVersion, List<AnnouncementEvent> events, Announcement newState) {
    Objects.requireNonNull(newState, "newState");
    List<AnnouncementEvent> added = List.copyOf(Objects.requireNonNull(events, "events"));
    if (added.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    entries.compute(newState.id(), (id, current) -> {
      long actual = current == null ? 0 : current.state().version();
      if (actual != expectedVersion) {
        throw new StaleRecordException("announcement", id, expectedVersion, actual);
      }
      List<AnnouncementEvent> all = new ArrayList<>(current == null ? List.of() : current.events());
      all.addAll(added);
      return new Entry(newState, Collections.unmodifiableList(all));
    });
  }

  @Override
  public Optional<Announcement> find(String id) {
    Entry e = entries.get(Objects.requireNonNull(id, "id"));
    return e == null ? Optional.empty() : Optional.of(e.state());
  }

  @Override
  public List<AnnouncementEvent> history(String id) {
    Entry e = entries.get(Objects.requireNonNull(id, "id"));
    return e == null ? List.of() : e.events();
  }

  @Override
  public List<Announcement> find(AnnouncementQuery query) {
    Objects.requireNonNull(query, "query");
    List<Announcement> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (query.matches(e.state())) {
        out.add(e.state());
      }
    }
    out.sort(NEWEST_FIRST);
    return out;
  }
}
