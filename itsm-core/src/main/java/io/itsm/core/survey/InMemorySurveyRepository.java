package io.itsm.core.survey;

import io.itsm.core.improvement.internal.InMemoryRecords;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps surveys in memory. Thread-safe.
 */
public final class InMemorySurveyRepository implements SurveyRepository {

  private final InMemoryRecords<Survey, SurveyEvent> records = new InMemoryRecords<>("survey");

  /** Creates an empty repository. */
  public InMemorySurveyRepository() {}

  @Override
  public void append(long expectedVersion, List<SurveyEvent> events, Survey survey) {
    Objects.requireNonNull(survey, "survey");
    records.append(survey.id(), expectedVersion, events, survey);
  }

  @Override
  public Optional<Survey> find(String id) {
    return records.find(id);
  }

  @Override
  public List<SurveyEvent> history(String id) {
    return records.history(id);
  }

  @Override
  public List<Survey> find(SurveyQuery query) {
    Objects.requireNonNull(query, "query");
    return records.states().filter(query::matches).toList();
  }
}
