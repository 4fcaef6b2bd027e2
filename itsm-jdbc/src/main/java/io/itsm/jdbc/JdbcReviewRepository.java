package io.itsm.jdbc;

import io.itsm.core.json.ImprovementJson;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewHistory;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.review.ReviewRepository;
import io.itsm.jdbc.internal.Dialect;
import io.itsm.jdbc.internal.PracticeRecords;
import io.itsm.jdbc.internal.RecordTable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Post-incident reviews in a relational database, on the store's practice records: each command's
 * events go to the events table under aggregate type {@value #AGGREGATE_TYPE} and the post-incident
 * review's state to the records table, in one transaction, only if the stored version is still the
 * one the command read (else {@link io.itsm.core.StaleRecordException}, nothing stored). Get one
 * from {@link JdbcStore#reviews()}, or let the practices find it in {@link JdbcStore#stores()}.
 *
 * <p><b>Queries.</b> {@link #find(ReviewQuery)}: a status is read from the status index; a query
 * by incident (the desk asks one at each resolution) first keeps, in the database, the rows whose
 * state text holds the incident id; the whole query then decides. Results are ordered by id.
 *
 * <p><b>Unreadable rows.</b> A state row that does not parse is rebuilt from the events (a
 * warning is logged); an event that does not parse makes {@link #history} throw {@link
 * JdbcStoreException} naming the post-incident review and the sequence, and a query leave that
 * post-incident review out (an
 * error is logged).
 *
 * <p>Thread-safe: every method takes its own connection from the store's pool.
 */
public final class JdbcReviewRepository implements ReviewRepository {

  /** The aggregate type of post-incident reviews in the events and records tables and backups. */
  public static final String AGGREGATE_TYPE = ImprovementJson.REVIEW;

  private final PracticeRecords<PostIncidentReview, ReviewEvent> records;

  JdbcReviewRepository(RecordTable table, DataSource dataSource, Dialect dialect,
      ImprovementJson json) {
    Objects.requireNonNull(json, "json");
    this.records = new PracticeRecords<>(table, dataSource, dialect, "post-incident review",
        new PracticeRecords.Codec<>() {
      @Override
      public String id(PostIncidentReview state) {
        return state.id();
      }

      @Override
      public long version(PostIncidentReview state) {
        return state.version();
      }

      @Override
      public String status(PostIncidentReview state) {
        return state.status().name();
      }

      @Override
      public Instant updatedAt(PostIncidentReview state) {
        return state.updatedAt();
      }

      @Override
      public String writeState(PostIncidentReview state) {
        return json.writeReview(state);
      }

      @Override
      public PostIncidentReview readState(String text) {
        return json.readReview(text);
      }

      @Override
      public String recordId(ReviewEvent event) {
        return event.reviewId();
      }

      @Override
      public long sequence(ReviewEvent event) {
        return event.sequence();
      }

      @Override
      public Instant at(ReviewEvent event) {
        return event.at();
      }

      @Override
      public String actor(ReviewEvent event) {
        return event.actor();
      }

      @Override
      public String writeEvent(ReviewEvent event) {
        return json.writeEvent(event);
      }

      @Override
      public ReviewEvent readEvent(String text) {
        return json.readReviewEvent(text);
      }

      @Override
      public Optional<PostIncidentReview> replay(List<ReviewEvent> events) {
        return Optional.of(ReviewHistory.replay(events));
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.itsm.core.StaleRecordException if the stored version differs; nothing is stored
   * @throws IllegalArgumentException if the events are empty, of another post-incident review, or
   *     not numbered
   *     on from {@code expectedVersion}
   * @throws JdbcStoreException if the database fails (the message says whether anything may have
   *     been stored)
   */
  @Override
  public void append(long expectedVersion, List<ReviewEvent> events, PostIncidentReview review) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(review, "review");
    records.append(expectedVersion, events, review);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails, or the post-incident review can be read
   *     neither from its
   *     state row nor from its events
   */
  @Override
  public Optional<PostIncidentReview> find(String id) {
    return records.find(Objects.requireNonNull(id, "id"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  @Override
  public List<ReviewEvent> history(String id) {
    return records.history(Objects.requireNonNull(id, "id"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<PostIncidentReview> find(ReviewQuery query) {
    Objects.requireNonNull(query, "query");
    Set<String> statuses = query.status().map(s -> Set.of(s.name())).orElse(Set.of());
    return records.find(statuses, query.incidentId(), query::matches);
  }

  /**
   * Counts the post-incident reviews stored.
   *
   * @return the number of post-incident reviews
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    return records.count();
  }

  @Override
  public String toString() {
    return "JdbcReviewRepository{" + AGGREGATE_TYPE + "}";
  }
}
