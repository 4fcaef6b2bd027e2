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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * <p><b>Queries.</b> {@link #find(AnnouncementQuery)} with an item or a service reads the
 * announcements through the store's key index ({@code itsm_record_key}, kept in the same
 * transaction as each announcement's state: the items it concerns, the services it concerns or
 * reaches), by the item when the query names one, the service and the statuses checked in the
 * same statement; otherwise it reads the announcements of the query's statuses from the status
 * index (all of them when it names none). Either way the query then checks each candidate, so the
 * result is exactly the announcements that match, newest window first, then by id.
 *
 * <p>Thread-safe: every method takes its own connection from the data source.
 */
public final class JdbcAnnouncementRepository implements AnnouncementRepository {

  /** The aggregate type of announcements in the events and records tables. */
  public static final String AGGREGATE_TYPE = "announcement";

  /** The search key of the services an announcement concerns or reaches. */
  static final String KEY_SERVICE = "service";
  /** The search key of the items it concerns. */
  static final String KEY_CI = "ci";

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

      @Override
      public Set<RecordTable.Key> keys(Announcement s) {
        Set<RecordTable.Key> keys = new HashSet<>();
        for (String service : s.reach()) {
          keys.add(new RecordTable.Key(KEY_SERVICE, service));
        }
        for (String service : s.content().services()) {
          keys.add(new RecordTable.Key(KEY_SERVICE, service));
        }
        for (String ci : s.content().cis()) {
          keys.add(new RecordTable.Key(KEY_CI, ci));
        }
        return keys;
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
    // an item concerns fewer announcements than a service
    List<RecordTable.KeyFilter> filters = new ArrayList<>();
    query.ci().filter(RecordTable.Key::indexable)
        .ifPresent(ci -> filters.add(RecordTable.KeyFilter.of(KEY_CI, ci)));
    query.service().filter(RecordTable.Key::indexable)
        .ifPresent(s -> filters.add(RecordTable.KeyFilter.of(KEY_SERVICE, s)));
    Set<String> statuses = new HashSet<>();
    for (AnnouncementStatus s : query.statuses()) {
      statuses.add(s.name());
    }
    List<Announcement> candidates = records.candidates(filters, statuses);
    List<Announcement> out = new ArrayList<>();
    for (Announcement a : candidates) {
      if (query.matches(a)) {
        out.add(a);
      }
    }
    out.sort(NEWEST_FIRST);
    return out;
  }

  /** The announcements' records (for the store's backfill of the key index and restores). */
  PracticeRecords<Announcement, AnnouncementEvent> records() {
    return records;
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
