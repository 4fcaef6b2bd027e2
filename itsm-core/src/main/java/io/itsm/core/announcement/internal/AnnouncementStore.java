package io.itsm.core.announcement.internal;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.RecordStateException;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementHistory;
import io.itsm.core.announcement.AnnouncementListener;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.announcement.AnnouncementRepository;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.kernel.internal.OrderedDelivery;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The write path of announcements: writes are serialized (the overlap check of a command sees
 * every other announcement as it is), each command's events are stored and delivered through
 * {@link OrderedDelivery}, in order per announcement; and the published announcements, kept in
 * memory for the matching of tickets.
 *
 * <p>Thread-safe, provided the repository and listeners are.
 */
public final class AnnouncementStore {

  /** The kind of record, as error messages name it. */
  public static final String KIND = "announcement";

  private final AnnouncementRepository repository;
  private final Clock clock;
  private final OrderedDelivery<AnnouncementListener, AnnouncementEvent, Announcement> delivery;
  private final ReentrantLock writes = new ReentrantLock();
  private volatile List<Announcement> published;

  /**
   * Creates the store.
   *
   * @param repository where announcements are stored
   * @param clock the clock
   * @param listeners who hears every stored event
   */
  public AnnouncementStore(AnnouncementRepository repository, Clock clock,
      List<AnnouncementListener> listeners) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.delivery = new OrderedDelivery<>(listeners, AnnouncementListener::onEvent,
        e -> e.type() + " #" + e.sequence() + " of " + e.announcementId());
    this.published = findPublished();
  }

  /** @return the repository */
  public AnnouncementRepository repository() {
    return repository;
  }

  /**
   * Rereads the published announcements from the repository (another application instance
   * published or ended some in a shared store).
   */
  public void reloadPublished() {
    write(() -> {
      published = findPublished();
      return null;
    });
  }

  /** @return the published announcements as of the last write, newest window first */
  public List<Announcement> published() {
    return published;
  }

  /**
   * Runs a command with the writes held.
   *
   * @param <T> its result
   * @param command the command
   * @return its result
   */
  public <T> T write(Supplier<T> command) {
    writes.lock();
    try {
      return command.get();
    } finally {
      writes.unlock();
    }
  }

  /**
   * Applies events, stores and delivers them. Call with the writes held.
   *
   * @param before the announcement before, or {@code null} for a new one
   * @param events the events
   * @return the announcement after
   */
  public Announcement commit(Announcement before, List<AnnouncementEvent> events) {
    Announcement state = before;
    for (AnnouncementEvent e : events) {
      state = AnnouncementHistory.apply(state, e);
    }
    Announcement after = state;
    delivery.storeAndDeliver(after.id(), events, after, () -> {
      repository.append(before == null ? 0 : before.version(), events, after);
      if (after.status() == AnnouncementStatus.PUBLISHED
          || before != null && before.status() == AnnouncementStatus.PUBLISHED) {
        published = findPublished();
      }
    });
    return after;
  }

  private List<Announcement> findPublished() {
    return repository.find(AnnouncementQuery.all()
        .withStatuses(Set.of(AnnouncementStatus.PUBLISHED)));
  }

  /**
   * Loads an announcement.
   *
   * @param id the id
   * @return the announcement
   * @throws RecordNotFoundException if there is none
   */
  public Announcement load(String id) {
    Objects.requireNonNull(id, "id");
    return repository.find(id).orElseThrow(() -> new RecordNotFoundException(KIND, id, ""));
  }

  /**
   * Returns the clock's instant, or the announcement's last change when the clock is behind it.
   *
   * @param a the announcement
   * @return the instant of the next event
   */
  public Instant now(Announcement a) {
    Instant now = clock.instant();
    return now.isBefore(a.updatedAt()) ? a.updatedAt() : now;
  }

  /**
   * Checks that a command is legal in the announcement's status.
   *
   * @param a the announcement
   * @param command the command's name
   * @param hint what to do instead, or empty
   * @param legal the statuses it is legal in
   * @throws RecordStateException if it is not
   */
  public static void state(Announcement a, String command, String hint,
      AnnouncementStatus... legal) {
    for (AnnouncementStatus s : legal) {
      if (a.status() == s) {
        return;
      }
    }
    throw new RecordStateException(KIND, a.id(), a.status().name(), command,
        Arrays.stream(legal).map(Enum::name).collect(Collectors.joining(" or ")), hint);
  }
}
