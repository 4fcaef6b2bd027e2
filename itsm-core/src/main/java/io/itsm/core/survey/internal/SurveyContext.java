package io.itsm.core.survey.internal;

import io.itsm.core.access.AccessPolicy;
import io.itsm.core.improvement.internal.RecordWriter;
import io.itsm.core.kernel.internal.FailureLog;
import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.survey.Questionnaire;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyChannel;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyHistory;
import io.itsm.core.survey.SurveyListener;
import io.itsm.core.survey.SurveyPolicy;
import io.itsm.core.survey.SurveyRepository;
import io.itsm.core.survey.Surveys;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings and store one {@link Surveys} works with, shared by its parts.
 *
 * @param clock the clock
 * @param accessPolicy the access policy
 * @param ids makes survey ids
 * @param repository where surveys are kept
 * @param policy decides whom to ask and when to follow up
 * @param questionnaire the questions new surveys ask
 * @param answerWithin how long a caller may answer
 * @param defaultChannel the channel when the policy names none
 * @param writer writes survey events and tells the listeners
 */
public record SurveyContext(Clock clock, AccessPolicy accessPolicy, Supplier<String> ids,
    SurveyRepository repository, SurveyPolicy policy, Questionnaire questionnaire,
    Duration answerWithin, SurveyChannel defaultChannel, RecordWriter<Survey, SurveyEvent> writer) {

  /** The log of {@link Surveys}, shared by its parts. */
  static final Logger LOG = LoggerFactory.getLogger(Surveys.class);

  /** Rate-limited warnings of failed automatic steps. */
  static final FailureLog FAILURES = new FailureLog(LOG);

  /**
   * Makes the context with its record writer.
   *
   * @param clock the clock
   * @param accessPolicy the access policy
   * @param ids makes survey ids
   * @param repository the repository
   * @param policy the survey policy
   * @param questionnaire the questionnaire
   * @param answerWithin how long a caller may answer
   * @param defaultChannel the default channel
   * @param listeners who hears every stored event
   * @return the context
   */
  public static SurveyContext of(Clock clock, AccessPolicy accessPolicy, Supplier<String> ids,
      SurveyRepository repository, SurveyPolicy policy, Questionnaire questionnaire,
      Duration answerWithin, SurveyChannel defaultChannel, List<SurveyListener> listeners) {
    OrderedDelivery<SurveyListener, SurveyEvent, Survey> delivery = new OrderedDelivery<>(
        listeners, SurveyListener::onEvent, e -> e.type() + " #" + e.sequence() + " of "
            + e.surveyId());
    RecordWriter<Survey, SurveyEvent> writer = new RecordWriter<>("survey",
        new RecordWriter.Store<>() {
          @Override
          public Optional<Survey> find(String id) {
            return repository.find(id);
          }

          @Override
          public void append(long expectedVersion, List<SurveyEvent> events, Survey state) {
            repository.append(expectedVersion, events, state);
          }
        }, SurveyHistory::apply, Survey::version, Survey::updatedAt, delivery,
        "find surveys with Surveys.find(actor, SurveyQuery.all())");
    return new SurveyContext(clock, accessPolicy, ids, repository, policy, questionnaire,
        answerWithin, defaultChannel, writer);
  }
}
