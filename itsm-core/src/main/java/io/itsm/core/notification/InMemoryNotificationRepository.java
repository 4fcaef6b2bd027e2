package io.itsm.core.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Notifications in memory.
 *
 * <p>Thread-safe.
 */
public final class InMemoryNotificationRepository implements NotificationRepository {

  private static final Comparator<Notification> BY_DUE =
      Comparator.comparing(Notification::dueAt).thenComparing(Notification::id);
  private static final Comparator<Notification> BY_CREATION =
      Comparator.comparing(Notification::createdAt).thenComparing(Notification::id);

  private final ConcurrentMap<String, Notification> byId = new ConcurrentHashMap<>();

  /** Creates an empty repository. */
  public InMemoryNotificationRepository() {}

  @Override
  public boolean add(Notification n) {
    return byId.putIfAbsent(Objects.requireNonNull(n, "notification").id(), n) == null;
  }

  @Override
  public void update(Notification n) {
    if (byId.replace(Objects.requireNonNull(n, "notification").id(), n) == null) {
      throw new IllegalArgumentException("no notification " + n.id() + " is stored");
    }
  }

  @Override
  public Optional<Notification> find(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public List<Notification> due(Instant now, int limit) {
    List<Notification> out = new ArrayList<>();
    for (Notification n : byId.values()) {
      if (n.status() == NotificationStatus.PENDING && !n.dueAt().isAfter(now)) {
        out.add(n);
      }
    }
    out.sort(BY_DUE);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  @Override
  public Optional<Instant> nextDue() {
    return byId.values().stream().filter(n -> n.status() == NotificationStatus.PENDING)
        .map(Notification::dueAt).min(Comparator.naturalOrder());
  }

  @Override
  public List<Notification> find(NotificationQuery query) {
    Objects.requireNonNull(query, "query");
    return byId.values().stream().filter(query::matches).sorted(BY_CREATION).toList();
  }
}
