package io.itsm.jdbc;

import io.itsm.core.StaleRecordException;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.announcement.AnnouncementRepository;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.json.AnnouncementJson;
import io.itsm.core.json.ItsmJson;
import io.itsm.jdbc.internal.PracticeRecords;
import io.itsm.jdbc.internal.RecordIds;
import io.itsm.jdbc.internal.RecordTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Announcements in the store's database: each command's events go to the events table (aggregate
 * type {@value #AGGREGATE_TYPE}) and the announcement's latest state to the records table, in one
 * transaction, as for incidents. Get one from {@link JdbcStore#announcements()}, or let the kernel
 * find it: {@code Announcements.builder().kernel(Kernel.ofDefaults().withStores(store.stores()))}.
 *
 * <p><b>Concurrency.</b> Of two commands based on the same version of an announcement — in two
 * threads or two application instances — the second gets {@link StaleRecordException} and stores
 * nothing.
 *
 * <p><b>Queries.</b> {@link #find(AnnouncementQuery)} reads the announcements of the query's
 * statuses from the status index (all of them when it names none) and filters the rest in memory,
 * newest window first, then by id.
 *
 * <p>Thread-safe: every method takes its own connection from the data source.
 */
public final class JdbcAnnouncementRepository implements AnnouncementRepository {

  /** The aggregate type of announcements in the events and records tables. */
  public static final String AGGREGATE_TYPE = "announcement";

  private static final Comparator<Announcement> NEWEST_FIRST =
      Comparator.comparing((Announcement a) -> a.content().window().start()).reversed()
          .thenComparing(Announcement::id);

  private final PracticeRecords<Announcement, AnnouncementEvent> records;
  private final RecordIds ids;

  JdbcAnnouncementRepository(RecordTable table, ItsmJson json) {
    this.ids = new RecordIds(table, "ANN");
    AnnouncementJson announcements = Objects.requireNonNull(json, "json").announcements();
    this.records = new PracticeRecords<>(table, "announcement", new PracticeRecords.Codec<>() {
      @Override
      public String id(Announcement s) {
        return s.id();
      }

      @Override
      public long version(Announcement s) {
        return s.version();
      }

      @Override
      public String status(Announcement s) {
        return s.status().name();
      }

      @Override
      public Instant updatedAt(Announcement s) {
        return s.updatedAt();
      }

      @Override
      public String writeState(Announcement s) {
        return announcements.writeAnnouncement(s);
      }

      @Override
      public Announcement readState(String text) {
        return announcements.readAnnouncement(text);
      }

      @Override
      public long sequence(AnnouncementEvent e) {
        return e.sequence();
      }

      @Override
      public String recordId(AnnouncementEvent e) {
        return e.announcementId();
      }

      @Override
      public Instant at(AnnouncementEvent e) {
        return e.at();
      }

      @Override
      public String actor(AnnouncementEvent e) {
        return e.actor();
      }

      @Override
      public String writeEvent(AnnouncementEvent e) {
        return announcements.writeEvent(e);
      }

      @Override
      public AnnouncementEvent readEvent(String text) {
        return announcements.readEvent(text);
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws StaleRecordException if the stored version differs (for a new announcement: it
   *     exists); nothing is stored then
   * @throws JdbcStoreException if the database fails (nothing is stored unless the message says
   *     the commit's outcome is unknown)
   */
  @Override
  public void append(long expectedVersion, List<AnnouncementEvent> events,
      Announcement newState) {
    records.append(expectedVersion, events, newState);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or the stored state cannot be read
   */
  @Override
  public Optional<Announcement> find(String id) {
    return records.find(id);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  @Override
  public List<AnnouncementEvent> history(String id) {
    return records.history(id);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or a stored state cannot be read
   */
  @Override
  public List<Announcement> find(AnnouncementQuery query) {
    Objects.requireNonNull(query, "query");
    List<Announcement> candidates;
    if (query.statuses().isEmpty()) {
      candidates = records.all();
    } else {
      candidates = new ArrayList<>();
      for (AnnouncementStatus s : query.statuses()) {
        candidates.addAll(records.withStatus(s.name()));
      }
    }
    List<Announcement> out = new ArrayList<>();
    for (Announcement a : candidates) {
      if (query.matches(a)) {
        out.add(a);
      }
    }
    out.sort(NEWEST_FIRST);
    return out;
  }

  /**
   * Returns new announcement ids ({@code ANN-000001}, ...) taken from the database's counter of
   * announcements (schema 3), which starts after the highest stored id: two application instances
   * drafting at once on one database never get the same id.
   *
   * @return the ids
   */
  @Override
  public Optional<Supplier<String>> announcementIds() {
    return Optional.of(ids);
  }

  /**
   * Counts the announcements in the store.
   *
   * @return the number of announcements
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    return records.count();
  }

  @Override
  public String toString() {
    return "JdbcAnnouncementRepository";
  }
}
