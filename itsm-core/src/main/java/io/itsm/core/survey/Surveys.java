package io.itsm.core.survey;

import io.itsm.core.IncidentListener;
import io.itsm.core.ItsmException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.event.Closed;
import io.itsm.core.incident.Incident;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.survey.internal.SurveyContext;
import io.itsm.core.survey.internal.SurveyParts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Satisfaction surveys after closure: decides per closed incident whether to ask (through a
 * {@link SurveyPolicy}), sends the survey with the desk's {@link Questionnaire}, takes the caller's
 * answer, opens a follow-up when the policy says so, and expires unanswered surveys.
 *
 * <pre>{@code
 * Surveys surveys = Surveys.builder().policy(SurveyEngine.withDefaults()).clock(clock).build();
 * ServiceDesk desk = ServiceDesk.builder().listener(surveys.incidentListener()).build();
 * // ... an incident closes: a survey is sent, or skipped with the rule that decided it
 * surveys.answer(Actor.endUser("anna"), "SRV-000001", Map.of("overall", 5), "Quick and friendly");
 * }</pre>
 *
 * <p>Every closed incident gets one survey record per close: {@link SurveyStatus#SENT} or {@link
 * SurveyStatus#SKIPPED}, with the deciding rule and the rules it overruled. An incident without a
 * caller is skipped by the desk itself. Only the caller answers their survey ({@link
 * Permission#SURVEY_ANSWER_OWN}); holders of {@link Permission#SURVEY_VIEW} see every survey,
 * holders of {@link Permission#SURVEY_FOLLOW_UP} close follow-ups. A command that throws changes
 * nothing.
 *
 * <p>Thread-safe, provided the repository, policy and listeners are.
 */
public final class Surveys {

  /** How long a caller may answer by default: seven days. */
  public static final Duration DEFAULT_ANSWER_WITHIN = Duration.ofDays(7);

  /** The channel a survey goes out by when the policy names none. */
  public static final SurveyChannel DEFAULT_CHANNEL = SurveyChannel.EMAIL;

  /** The prefix of survey ids: {@code SRV-000001}. */
  public static final String ID_PREFIX = "SRV";

  private final SurveyParts parts;

  private Surveys(Builder b) {
    Kernel k = b.kernel != null ? b.kernel : Kernel.ofDefaults();
    this.parts = SurveyParts.of(SurveyContext.of(b.clock != null ? b.clock : k.clock(),
        b.accessPolicy != null ? b.accessPolicy : k.accessPolicy(),
        b.ids != null ? b.ids : () -> k.ids().next(ID_PREFIX),
        b.repository != null ? b.repository
            : k.stores().find(SurveyRepository.class).orElseGet(InMemorySurveyRepository::new),
        b.policy, b.questionnaire, b.answerWithin, b.defaultChannel, b.listeners));
  }

  /**
   * Starts configuring the surveys. Defaults: the clock, access policy and ids (prefix {@value
   * #ID_PREFIX}) of the {@link Builder#kernel kernel} ({@link Kernel#ofDefaults()} unless set), its
   * {@link SurveyRepository} store or else an in-memory one, {@link SurveyPolicy#none()}, {@link
   * Questionnaire#defaults()}, {@link #DEFAULT_ANSWER_WITHIN}, {@link #DEFAULT_CHANNEL}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- commands

  /**
   * Returns the listener to register on the {@link io.itsm.core.ServiceDesk}: it {@linkplain
   * #considerClosed considers} every closed incident. A policy failure is logged and the incident
   * skipped (no survey record; call {@link #considerClosed} to decide again).
   *
   * @return the listener
   */
  public IncidentListener incidentListener() {
    return parts.decisions().incidentListener();
  }

  /**
   * Decides whether to survey the caller of a closed incident and records the decision: a {@link
   * SurveySent} or {@link SurveySkipped} record, by {@code "system"}, at the close's instant. Once
   * per close: if this close of the incident (same reopen count) was already decided, its record
   * is returned unchanged. An incident without a caller is skipped without asking the policy.
   *
   * @param incident the closed incident
   * @param closed the event that closed it
   * @return the survey record
   * @throws ValidationException if the event is not the incident's
   * @throws ItsmException if the policy fails; nothing is recorded then
   */
  public Survey considerClosed(Incident incident, Closed closed) {
    return parts.decisions().considerClosed(incident, closed);
  }

  /**
   * The caller answers their survey: a score from {@value Questionnaire#MIN_SCORE} to {@value
   * Questionnaire#MAX_SCORE} for each question they answer (every required question, at least
   * {@value Questionnaire#OVERALL}) and a free comment. If the policy then decides a follow-up
   * (a low score), it is opened in the same command. A follow-up decision that fails is logged
   * and skipped; the answer is kept.
   *
   * @param actor the survey's caller
   * @param surveyId the survey
   * @param scores the scores by question key
   * @param comment a free comment, or {@code null} for none
   * @return the survey after the answer
   * @throws AccessDeniedException if the actor is not the survey's caller or lacks {@link
   *     Permission#SURVEY_ANSWER_OWN}
   * @throws io.itsm.core.RecordNotFoundException if there is no such survey
   * @throws RecordStateException if it is not SENT (answered already, skipped, expired) or its
   *     due time has passed
   * @throws ValidationException naming every bad score: unknown question (with the questions), a
   *     score outside 1 to 5, a required question left out
   */
  public Survey answer(Actor actor, String surveyId, Map<String, Integer> scores, String comment) {
    return parts.answers().answer(actor, surveyId, scores, comment);
  }

  /**
   * Closes the open follow-up of a survey after contacting the caller.
   *
   * @param actor who followed up (needs {@link Permission#SURVEY_FOLLOW_UP})
   * @param surveyId the survey
   * @param note what was said or done, not blank
   * @return the survey after the change
   * @throws AccessDeniedException if the actor lacks the permission
   * @throws io.itsm.core.RecordNotFoundException if there is no such survey
   * @throws RecordStateException if the survey has no open follow-up
   * @throws ValidationException if the note is blank
   */
  public Survey closeFollowUp(Actor actor, String surveyId, String note) {
    return parts.answers().closeFollowUp(actor, surveyId, note);
  }

  /**
   * Runs what is due at the clock's current instant; see {@link #tick(Instant)}.
   *
   * @return the surveys changed
   */
  public List<Survey> tick() {
    return tick(parts.ctx().clock().instant());
  }

  /**
   * Expires every sent survey whose due time has come ({@link SurveyExpired} by {@code
   * "system"}, at its due time). A survey answered concurrently is left as answered.
   *
   * @param now the instant
   * @return the surveys expired
   */
  public List<Survey> tick(Instant now) {
    return parts.answers().tick(now);
  }

  // ---------------------------------------------------------------- queries

  /**
   * Returns a survey: its caller sees their own; others need {@link Permission#SURVEY_VIEW}.
   *
   * @param actor who asks
   * @param surveyId the survey
   * @return the survey
   * @throws io.itsm.core.RecordNotFoundException if there is none
   * @throws AccessDeniedException if the actor may not see it
   */
  public Survey get(Actor actor, String surveyId) {
    return parts.reads().get(actor, surveyId);
  }

  /**
   * Returns a survey's history, with the same access as {@link #get}.
   *
   * @param actor who asks
   * @param surveyId the survey
   * @return the events, oldest first
   * @throws io.itsm.core.RecordNotFoundException if there is none
   * @throws AccessDeniedException if the actor may not see it
   */
  public List<SurveyEvent> history(Actor actor, String surveyId) {
    return parts.reads().history(actor, surveyId);
  }

  /**
   * Finds the surveys matching a query that the actor may see: every one with {@link
   * Permission#SURVEY_VIEW}, else the actor's own.
   *
   * @param actor who asks
   * @param query the criteria
   * @return the surveys, ordered by id
   */
  public List<Survey> find(Actor actor, SurveyQuery query) {
    return parts.reads().find(actor, query);
  }

  /**
   * Returns the surveys waiting for the actor's answer.
   *
   * @param actor the caller
   * @return their sent, unanswered surveys, ordered by id
   */
  public List<Survey> waitingFor(Actor actor) {
    return parts.reads().waitingFor(actor);
  }

  /**
   * Returns the questions new surveys ask.
   *
   * @return the questionnaire
   */
  public Questionnaire questionnaire() {
    return parts.ctx().questionnaire();
  }

  /**
   * Returns the policy that decides whom to ask.
   *
   * @return the policy
   */
  public SurveyPolicy policy() {
    return parts.ctx().policy();
  }

  /**
   * Configures {@link Surveys}. Not thread-safe; build once and share the surveys.
   */
  public static final class Builder {
    private Kernel kernel;
    private Clock clock;
    private AccessPolicy accessPolicy;
    private Supplier<String> ids;
    private SurveyRepository repository;
    private SurveyPolicy policy = SurveyPolicy.none();
    private Questionnaire questionnaire = Questionnaire.defaults();
    private Duration answerWithin = DEFAULT_ANSWER_WITHIN;
    private SurveyChannel defaultChannel = DEFAULT_CHANNEL;
    private final List<SurveyListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the kernel the surveys share with the desk's other practices: its clock, access
     * policy, ids and {@link SurveyRepository} store are the defaults of the settings below.
     *
     * @param kernel the kernel, for example {@code desk.config().kernel()}
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = Objects.requireNonNull(kernel, "kernel");
      return this;
    }

    /**
     * Sets the clock (the desk's, so answers and expiries line up with the incidents).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the access policy (the desk's).
     *
     * @param accessPolicy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets how survey ids are made.
     *
     * @param ids a thread-safe supplier of fresh ids
     * @return this builder
     */
    public Builder idGenerator(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Sets where surveys are kept.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder repository(SurveyRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets who is surveyed and which answers are followed up, for example {@code
     * SurveyEngine.withDefaults()} of itsm-rules.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(SurveyPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the questions new surveys ask.
     *
     * @param questionnaire the questions
     * @return this builder
     */
    public Builder questionnaire(Questionnaire questionnaire) {
      this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
      return this;
    }

    /**
     * Sets how long a caller may answer.
     *
     * @param within a positive duration; default {@link #DEFAULT_ANSWER_WITHIN}
     * @return this builder
     * @throws ValidationException if not positive
     */
    public Builder answerWithin(Duration within) {
      Objects.requireNonNull(within, "within");
      if (within.isZero() || within.isNegative()) {
        throw new ValidationException("answerWithin must be positive, but was " + within);
      }
      this.answerWithin = within;
      return this;
    }

    /**
     * Sets the channel surveys go out by when the policy names none.
     *
     * @param channel the channel; default {@link #DEFAULT_CHANNEL}
     * @return this builder
     */
    public Builder defaultChannel(SurveyChannel channel) {
      this.defaultChannel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    /**
     * Adds a listener for every stored survey event.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(SurveyListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the surveys.
     *
     * @return the surveys
     */
    public Surveys build() {
      return new Surveys(this);
    }
  }
}
