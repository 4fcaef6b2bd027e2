package io.itsm.jdbc;

import io.itsm.core.json.ImprovementJson;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyHistory;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveyRepository;
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
 * Surveys in a relational database, on the store's practice records: each command's events go to
 * the events table under aggregate type {@value #AGGREGATE_TYPE} and the survey's state to the
 * records table, in one transaction, only if the stored version is still the one the command read
 * (else {@link io.itsm.core.StaleRecordException}, nothing stored). Get one from {@link
 * JdbcStore#surveys()}, or let the practices find it in {@link JdbcStore#stores()}.
 *
 * <p><b>Queries.</b> {@link #find(SurveyQuery)}: a status is read from the status index; a query
 * by incident or caller (the desk asks both at each close) first keeps, in the database, the rows
 * whose state text holds that id (a scan of the surveys' rows in the database, not of their parsed
 * states); the whole query then decides. Results are ordered by id.
 *
 * <p><b>Unreadable rows.</b> A state row that does not parse is rebuilt from the events (a
 * warning is logged); an event that does not parse makes {@link #history} throw {@link
 * JdbcStoreException} naming the survey and the sequence, and a query leave that survey out (an
 * error is logged).
 *
 * <p>Thread-safe: every method takes its own connection from the store's pool.
 */
public final class JdbcSurveyRepository implements SurveyRepository {

  /** The aggregate type of surveys in the events and records tables (and in backups). */
  public static final String AGGREGATE_TYPE = ImprovementJson.SURVEY;

  private final PracticeRecords<Survey, SurveyEvent> records;

  JdbcSurveyRepository(RecordTable table, DataSource dataSource, Dialect dialect,
      ImprovementJson json) {
    Objects.requireNonNull(json, "json");
    this.records = new PracticeRecords<>(table, dataSource, dialect, "survey",
        new PracticeRecords.Codec<>() {
      @Override
      public String id(Survey state) {
        return state.id();
      }

      @Override
      public long version(Survey state) {
        return state.version();
      }

      @Override
      public String status(Survey state) {
        return state.status().name();
      }

      @Override
      public Instant updatedAt(Survey state) {
        return state.updatedAt();
      }

      @Override
      public String writeState(Survey state) {
        return json.writeSurvey(state);
      }

      @Override
      public Survey readState(String text) {
        return json.readSurvey(text);
      }

      @Override
      public String recordId(SurveyEvent event) {
        return event.surveyId();
      }

      @Override
      public long sequence(SurveyEvent event) {
        return event.sequence();
      }

      @Override
      public Instant at(SurveyEvent event) {
        return event.at();
      }

      @Override
      public String actor(SurveyEvent event) {
        return event.actor();
      }

      @Override
      public String writeEvent(SurveyEvent event) {
        return json.writeEvent(event);
      }

      @Override
      public SurveyEvent readEvent(String text) {
        return json.readSurveyEvent(text);
      }

      @Override
      public Optional<Survey> replay(List<SurveyEvent> events) {
        return Optional.of(SurveyHistory.replay(events));
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.itsm.core.StaleRecordException if the stored version differs; nothing is stored
   * @throws IllegalArgumentException if the events are empty, of another survey, or not numbered
   *     on from {@code expectedVersion}
   * @throws JdbcStoreException if the database fails (the message says whether anything may have
   *     been stored)
   */
  @Override
  public void append(long expectedVersion, List<SurveyEvent> events, Survey survey) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(survey, "survey");
    records.append(expectedVersion, events, survey);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails, or the survey can be read neither from its
   *     state row nor from its events
   */
  @Override
  public Optional<Survey> find(String id) {
    return records.find(Objects.requireNonNull(id, "id"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails or an event cannot be read
   */
  @Override
  public List<SurveyEvent> history(String id) {
    return records.history(Objects.requireNonNull(id, "id"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<Survey> find(SurveyQuery query) {
    Objects.requireNonNull(query, "query");
    Set<String> statuses = query.status().map(s -> Set.of(s.name())).orElse(Set.of());
    return records.find(statuses, query.incidentId().or(query::callerId), query::matches);
  }

  /**
   * Counts the surveys stored.
   *
   * @return the number of surveys
   * @throws JdbcStoreException if the database fails
   */
  public long count() {
    return records.count();
  }

  @Override
  public String toString() {
    return "JdbcSurveyRepository{" + AGGREGATE_TYPE + "}";
  }
}
