package io.itsm.core.survey;

import java.util.List;
import java.util.Optional;

/**
 * Where surveys are kept: each as its event history with its current state beside it. {@link
 * Surveys} appends the events of one command at once; a repository applies them atomically and
 * only if the stored version is still the one the command read. A database store keeps them in
 * the events table under aggregate type {@code survey} with a state table indexed on status,
 * caller, incident and due time (see docs/store.md, "More aggregates").
 *
 * <p>Implementations must be thread-safe. {@link InMemorySurveyRepository} is the default.
 */
public interface SurveyRepository {

  /**
   * Appends events and stores the new state, atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new survey
   * @param events the new events, in order
   * @param survey the survey after them
   * @throws io.itsm.core.StaleRecordException if the stored version differs; nothing is stored
   */
  void append(long expectedVersion, List<SurveyEvent> events, Survey survey);

  /**
   * Finds a survey.
   *
   * @param id the survey's id
   * @return the survey, or empty
   */
  Optional<Survey> find(String id);

  /**
   * Returns a survey's history.
   *
   * @param id the survey's id
   * @return an immutable snapshot, oldest first; empty when there is no such survey
   */
  List<SurveyEvent> history(String id);

  /**
   * Finds the surveys matching a query, ordered by id.
   *
   * @param query the criteria
   * @return the surveys
   */
  List<Survey> find(SurveyQuery query);
}
