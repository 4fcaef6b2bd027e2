package io.itsm.core.announcement;

import io.itsm.core.StaleRecordException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stores announcements as their event histories, with the latest state beside them (events table
 * keyed by announcement and sequence; a current-state table indexed by status, kind, window and
 * the services reached).
 *
 * <p>Implementations must be thread-safe. {@link InMemoryAnnouncementRepository} is the default.
 */
public interface AnnouncementRepository {

  /**
   * Appends events and stores the new state, atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new announcement
   * @param events the new events, in order
   * @param newState the announcement after them
   * @throws StaleRecordException if the stored version differs; nothing is stored then
   */
  void append(long expectedVersion, List<AnnouncementEvent> events, Announcement newState);

  /**
   * Finds an announcement's latest state.
   *
   * @param id the id
   * @return the announcement, or empty
   */
  Optional<Announcement> find(String id);

  /**
   * Returns an announcement's history.
   *
   * @param id the id
   * @return the events, oldest first; empty if there is no such announcement
   */
  List<AnnouncementEvent> history(String id);

  /**
   * Finds the announcements matching a query, newest window first (then by id).
   *
   * @param query the criteria
   * @return the announcements
   */
  List<Announcement> find(AnnouncementQuery query);

  /**
   * Returns where new announcement ids come from when the builder is given no {@code ids}. A
   * repository that outlives its facade (a database) hands out ids no earlier run has used.
   *
   * @return a thread-safe supplier of fresh ids; empty (the default) lets the kernel's id
   *     generator number them {@code ANN-000001, ANN-000002, ...} from 1, which suits a repository
   *     that starts empty
   */
  default Optional<Supplier<String>> announcementIds() {
    return Optional.empty();
  }
}
