package io.itsm.core.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notifications in memory.
 *
 * <p>Thread-safe.
 */
public final class InMemoryNotificationRepository implements NotificationRepository {

  private static final Comparator<Notification> BY_DUE =
      Comparator.comparing(Notification::dueAt).thenComparing(Notification::id);
  private record Stored(long order, Notification notification) {}

  private final ConcurrentMap<String, Stored> byId = new ConcurrentHashMap<>();
  private final AtomicLong order = new AtomicLong();

  /** Creates an empty repository. */
  public InMemoryNotificationRepository() {}

  @Override
  public boolean add(Notification n) {
    Objects.requireNonNull(n, "notification");
    return byId.putIfAbsent(n.id(), new Stored(order.incrementAndGet(), n)) == null;
  }

  @Override
  public void update(Notification n) {
    Objects.requireNonNull(n, "notification");
    if (byId.computeIfPresent(n.id(), (id, s) -> new Stored(s.order(), n)) == null) {
      throw new IllegalArgumentException("no notification " + n.id() + " is stored");
    }
  }

  @Override
  public Optional<Notification> find(String id) {
    Stored s = byId.get(Objects.requireNonNull(id, "id"));
    return s == null ? Optional.empty() : Optional.of(s.notification());
  }

  @Override
  public List<Notification> due(Instant now, int limit) {
    List<Notification> out = new ArrayList<>();
    for (Stored s : byId.values()) {
      Notification n = s.notification();
      if (n.status() == NotificationStatus.PENDING && !n.dueAt().isAfter(now)) {
        out.add(n);
      }
    }
    out.sort(BY_DUE);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  @Override
  public Optional<Instant> nextDue() {
    return byId.values().stream().map(Stored::notification).filter(n -> n.status() == NotificationStatus.PENDING)
        .map(Notification::dueAt).min(Comparator.naturalOrder());
  }

  @Override
  public List<Notification> find(NotificationQuery query) {
    Objects.requireNonNull(query, "query");
    return byId.values().stream().filter(s -> query.matches(s.notification()))
        .sorted(Comparator.comparingLong(Stored::order)).map(Stored::notification).toList();
  }
}
