package io.itsm.jdbc;

import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.NotificationJson;
import io.itsm.core.notification.DeliveryAttempt;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationQuery;
import io.itsm.core.notification.NotificationRepository;
import io.itsm.core.notification.NotificationStatus;
import io.itsm.jdbc.internal.RecordTable;
import io.itsm.jdbc.internal.RecordTable.EventRow;
import io.itsm.jdbc.internal.RecordTable.StateRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Notifications in the store's database: each notification is a record of aggregate type {@value
 * #AGGREGATE_TYPE}, its latest state in the records table (with the status, and a pending
 * notification's due time — its next delivery attempt, retry or digest — in an indexed column, so
 * {@link #due} and {@link #nextDue} read only what is due, in order, through the index) and, in the events table, one event per change in the same transaction:
 * {@code NotificationStored} when it is added, {@code NotificationUpdated} after each delivery
 * attempt, each with the notification as it then was. Get one from {@link
 * JdbcStore#notifications()}, or let the kernel find it: {@code
 * Notifications.builder().kernel(Kernel.ofDefaults().withStores(store.stores()))}.
 *
 * <p><b>Once per event.</b> {@link #add} of an id that is stored (the same event, recipient,
 * template and channel — also from another application instance) stores nothing and returns
 * {@code false}: the key of the events table keeps the second insert out.
 *
 * <p><b>Order.</b> {@link #find(NotificationQuery)} returns notifications by creation time, then
 * id (the in-memory repository keeps the order they were added in, which for one event can differ
 * among its notifications); {@link #due} by due time, then id.
 *
 * <p>Thread-safe: every method takes its own connection from the data source.
 */
public final class JdbcNotificationRepository implements NotificationRepository {

  /** The aggregate type of notifications in the events and records tables. */
  public static final String AGGREGATE_TYPE = "notification";

  /** The event type of a notification's first row. */
  public static final String STORED = "NotificationStored";

  /** The event type of each later row. */
  public static final String UPDATED = "NotificationUpdated";

  private static final String ACTOR = "notifications";
  private static final String PENDING = NotificationStatus.PENDING.name();
  private static final int RETRIES = 10;
  private static final Comparator<Notification> BY_DUE =
      Comparator.comparing(Notification::dueAt).thenComparing(Notification::id);
  private static final Comparator<Notification> BY_CREATION =
      Comparator.comparing(Notification::createdAt).thenComparing(Notification::id);

  private final RecordTable table;
  private final NotificationJson json;

  JdbcNotificationRepository(RecordTable table, ItsmJson json) {
    this.table = Objects.requireNonNull(table, "table");
    this.json = Objects.requireNonNull(json, "json").notifications();
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public boolean add(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    return table.append(0, List.of(row(1, STORED, notification)), state(1, notification))
        .isEmpty();
  }

  /**
   * {@inheritDoc} Of two updates at once, the later one wins, as in memory.
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public void update(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    String id = notification.id();
    for (int i = 0; i < RETRIES; i++) {
      long version = table.find(id).map(StateRow::version).orElseThrow(
          () -> new IllegalArgumentException("no notification " + id + " is stored"));
      OptionalLong stored = table.append(version, List.of(row(version + 1, UPDATED, notification)),
          state(version + 1, notification));
      if (stored.isEmpty()) {
        return;
      }
    }
    throw new JdbcStoreException("notification " + id + " was changed by others " + RETRIES
        + " times while this update was being stored; nothing of it was stored: retry", id, null);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or the stored state cannot be read
   */
  @Override
  public Optional<Notification> find(String id) {
    return table.find(Objects.requireNonNull(id, "id")).map(this::read);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or a stored state cannot be read
   */
  @Override
  public List<Notification> due(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, but was " + limit);
    }
    setMissingDueTimes();
    List<Notification> out = new ArrayList<>();
    for (StateRow r : table.due(PENDING, now, limit)) {
      Notification n = read(r);
      // the column holds the due time truncated to microseconds: at most that much early
      if (n.status() == NotificationStatus.PENDING && !n.dueAt().isAfter(now)) {
        out.add(n);
      }
    }
    out.sort(BY_DUE);
    return out;
  }

  /**
   * {@inheritDoc} Read from the due index: the earliest due time of the pending notifications.
   *
   * @throws JdbcStoreException if the database fails or a stored state cannot be read
   */
  @Override
  public Optional<Instant> nextDue() {
    setMissingDueTimes();
    return table.nextDue(PENDING);
  }

  /**
   * Sets the due time of the pending rows that have none: written before schema 3, or restored
   * from a backup (which carries states, not the due column). An index lookup that finds nothing
   * once they are all set.
   */
  private void setMissingDueTimes() {
    for (StateRow r : table.withStatusAndNoDueTime(PENDING)) {
      table.setDue(r.id(), r.version(), read(r).dueAt());
    }
  }

  /**
   * {@inheritDoc} Here: by creation time, then id.
   *
   * @throws JdbcStoreException if the database fails or a stored state cannot be read
   */
  @Override
  public List<Notification> find(NotificationQuery query) {
    Objects.requireNonNull(query, "query");
    List<StateRow> rows = query.status().isPresent()
        ? table.withStatus(query.status().get().name()) : table.all();
    List<Notification> out = new ArrayList<>();
    for (StateRow r : rows) {
      Notification n = read(r);
      if (query.matches(n)) {
        out.add(n);
      }
    }
    out.sort(BY_CREATION);
    return out;
  }

  /**
   * Returns the stored versions of a notification, oldest first: as it was added, then after each
   * delivery attempt.
   *
   * @param id the notification's id
   * @return the versions; empty when there is no such notification
   * @throws JdbcStoreException if the database fails or a row cannot be read
   */
  public List<Notification> history(String id) {
    Objects.requireNonNull(id, "id");
    List<Notification> out = new ArrayList<>();
    for (EventRow e : table.history(id)) {
      try {
        out.add(json.readNotification(e.payload()));
      } catch (RuntimeException ex) {
        throw new JdbcStoreException("event #" + e.sequence() + " of notification " + id
            + " cannot be read: " + ex.getMessage() + "; restore the record from a backup", id, ex);
      }
    }
    return out;
  }

  /**
   * Counts the notifications in the store.
   *
   * @return the number of notifications
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    return table.count();
  }

  private EventRow row(long sequence, String type, Notification n) {
    return new EventRow(sequence, type, changedAt(n), ACTOR, json.writeNotification(n));
  }

  private StateRow state(long version, Notification n) {
    return new StateRow(n.id(), version, Optional.of(n.status().name()), changedAt(n),
        json.writeNotification(n),
        n.status() == NotificationStatus.PENDING ? Optional.of(n.dueAt()) : Optional.empty());
  }

  /** The last delivery attempt's time, or the creation time before any. */
  private static Instant changedAt(Notification n) {
    List<DeliveryAttempt> attempts = n.attempts();
    return attempts.isEmpty() ? n.createdAt() : attempts.get(attempts.size() - 1).at();
  }

  private Notification read(StateRow row) {
    try {
      return json.readNotification(row.state());
    } catch (RuntimeException e) {
      throw new JdbcStoreException("the stored state of notification " + row.id()
          + " cannot be read: " + e.getMessage() + "; restore the record from a backup", row.id(),
          e);
    }
  }

  @Override
  public String toString() {
    return "JdbcNotificationRepository";
  }
}
