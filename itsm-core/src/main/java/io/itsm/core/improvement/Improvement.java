package io.itsm.core.improvement;

import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.improvement.internal.IncidentRelay;
import io.itsm.core.improvement.internal.PracticeExport;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.problem.InMemoryProblemRepository;
import io.itsm.core.problem.KnownErrorPublisher;
import io.itsm.core.problem.ProblemDetectionPolicy;
import io.itsm.core.problem.ProblemListener;
import io.itsm.core.problem.ProblemRepository;
import io.itsm.core.problem.Problems;
import io.itsm.core.review.ActionEscalationPolicy;
import io.itsm.core.review.InMemoryPreventiveActionRepository;
import io.itsm.core.review.InMemoryReviewRepository;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionListener;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.ReviewListener;
import io.itsm.core.review.ReviewPolicy;
import io.itsm.core.review.ReviewRepository;
import io.itsm.core.review.Reviews;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.survey.InMemorySurveyRepository;
import io.itsm.core.survey.Questionnaire;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyListener;
import io.itsm.core.survey.SurveyPolicy;
import io.itsm.core.survey.SurveyRepository;
import io.itsm.core.survey.Surveys;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The improvement practices of one service desk, wired to it: {@link Problems}, {@link Reviews}
 * (with their preventive actions) and {@link Surveys} share the desk's clock and access policy,
 * and hear its events — a newly logged incident is checked for recurrence, a resolved one for a
 * required review, a closed one for a survey — and a problem declared a known error is checked for
 * a review of its incidents.
 *
 * <pre>{@code
 * Improvement improvement = Improvement.builder()
 *     .surveyPolicy(SurveyEngine.withDefaults())
 *     .reviewPolicy(ReviewEngine.withDefaults())
 *     .problemDetection(RecurrenceEngine.withDefaults())
 *     .actionEscalation(ActionEscalationEngine.withDefaults())
 *     .build(ServiceDesk.builder().triagePolicy(TriageEngine.withDefaults()));
 * ServiceDesk desk = improvement.desk();
 * // ... incidents are logged, resolved and closed on the desk ...
 * improvement.tick();   // surveys expire, approvals expire, overdue actions are escalated
 * }</pre>
 *
 * <p>The builder builds the desk from the desk builder you give it (adding its listener), so the
 * practices hear every event from the first. The practices share the desk's {@link Kernel}
 * ({@code desk.config().kernel()}): its clock, access policy, ids, approval terms of {@code
 * INCIDENT_REPORT} and stores ({@link ProblemRepository}, {@link ReviewRepository}, {@link
 * PreventiveActionRepository}, {@link SurveyRepository}; in memory when the kernel has none).
 *
 * <p>Thread-safe.
 */
public final class Improvement {

  private final ServiceDesk desk;
  private final Problems problems;
  private final Reviews reviews;
  private final Surveys surveys;
  private final ProblemRepository problemRepository;
  private final ReviewRepository reviewRepository;
  private final PreventiveActionRepository actionRepository;
  private final SurveyRepository surveyRepository;

  private Improvement(ServiceDesk desk, Problems problems, Reviews reviews, Surveys surveys,
      Builder b) {
    this.desk = desk;
    this.problems = problems;
    this.reviews = reviews;
    this.surveys = surveys;
    this.problemRepository = b.problemRepository;
    this.reviewRepository = b.reviewRepository;
    this.actionRepository = b.actionRepository;
    this.surveyRepository = b.surveyRepository;
  }

  /**
   * Starts configuring. Defaults: no survey, review, detection or escalation policy (nothing
   * happens by itself until you set them); the rest from the desk's kernel.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the desk.
   *
   * @return the desk
   */
  public ServiceDesk desk() {
    return desk;
  }

  /**
   * Returns problem management.
   *
   * @return the problems
   */
  public Problems problems() {
    return problems;
  }

  /**
   * Returns post-incident reviews and preventive actions.
   *
   * @return the reviews
   */
  public Reviews reviews() {
    return reviews;
  }

  /**
   * Returns satisfaction surveys.
   *
   * @return the surveys
   */
  public Surveys surveys() {
    return surveys;
  }

  /**
   * Runs the practices' due work at the desk's clock's current instant; see {@link #tick(Instant)}.
   *
   * @return what changed
   */
  public TickResult tick() {
    return tick(desk.clock().instant());
  }

  /**
   * Runs the practices' due work at an instant: surveys past their due time expire ({@link
   * Surveys#tick}); review approvals past their due time expire, and overdue preventive actions
   * are escalated ({@link Reviews#tick}). The desk's own {@link ServiceDesk#tick} is separate.
   *
   * @param now the instant
   * @return what changed
   */
  public TickResult tick(Instant now) {
    Objects.requireNonNull(now, "now");
    List<Survey> expired = surveys.tick(now);
    Reviews.TickResult r = reviews.tick(now);
    return new TickResult(r.reviews(), r.actions(), expired);
  }

  /**
   * What one {@link #tick} changed.
   *
   * @param reviews the reviews changed
   * @param actions the preventive actions changed
   * @param surveys the surveys expired
   */
  public record TickResult(List<PostIncidentReview> reviews, List<PreventiveAction> actions,
      List<Survey> surveys) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is null
     */
    public TickResult {
      reviews = List.copyOf(reviews);
      actions = List.copyOf(actions);
      surveys = List.copyOf(surveys);
    }
  }

  /**
   * Returns every record of the practices as its history, for a backup or {@code itsm reviews
   * --export FILE}. Each history is read on its own (a record changed meanwhile is exported as it
   * was when read).
   *
   * @return the export, taken at the desk's clock's instant
   */
  public ImprovementExport export() {
    return PracticeExport.read(desk.clock().instant(), problemRepository, reviewRepository,
        actionRepository, surveyRepository);
  }

  /**
   * Writes {@link #export()} as JSON Lines (see {@link io.itsm.core.json.ImprovementJson}).
   *
   * @param out where to write; not closed
   * @throws java.io.UncheckedIOException if writing fails
   */
  public void exportTo(Writer out) {
    ItsmJson.defaults().improvement().writeExport(out, export());
  }

  /**
   * Configures {@link Improvement}. Not thread-safe; build once and share.
   */
  public static final class Builder {
    private AccessPolicy accessPolicy;
    private SurveyPolicy surveyPolicy = SurveyPolicy.none();
    private Questionnaire questionnaire = Questionnaire.defaults();
    private Duration answerWithin = Surveys.DEFAULT_ANSWER_WITHIN;
    private ReviewPolicy reviewPolicy = ReviewPolicy.none();
    private ApprovalTerms reviewApprovalTerms;
    private ActionEscalationPolicy actionEscalation = ActionEscalationPolicy.none();
    private ProblemDetectionPolicy problemDetection = ProblemDetectionPolicy.none();
    private KnownErrorPublisher knownErrorPublisher = KnownErrorPublisher.none();
    private BusinessCalendar calendar;
    private ProblemRepository problemRepository;
    private ReviewRepository reviewRepository;
    private PreventiveActionRepository actionRepository;
    private SurveyRepository surveyRepository;
    private final List<ProblemListener> problemListeners = new ArrayList<>();
    private final List<ReviewListener> reviewListeners = new ArrayList<>();
    private final List<PreventiveActionListener> actionListeners = new ArrayList<>();
    private final List<SurveyListener> surveyListeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the access policy of the desk, and so of every practice (they share the desk's
     * kernel).
     *
     * @param accessPolicy the policy; default the desk builder's
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets who is surveyed (see {@link Surveys.Builder#policy}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder surveyPolicy(SurveyPolicy policy) {
      this.surveyPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the survey questions (see {@link Surveys.Builder#questionnaire}).
     *
     * @param questionnaire the questions
     * @return this builder
     */
    public Builder questionnaire(Questionnaire questionnaire) {
      this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
      return this;
    }

    /**
     * Sets how long a caller may answer a survey (see {@link Surveys.Builder#answerWithin}).
     *
     * @param within a positive duration
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
     * Sets when a review is required (see {@link Reviews.Builder#policy}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder reviewPolicy(ReviewPolicy policy) {
      this.reviewPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets who approves reviews and when an approval expires (see {@link
     * Reviews.Builder#approvalTerms}); by default the desk's kernel's terms of {@code
     * INCIDENT_REPORT}.
     *
     * @param terms the terms
     * @return this builder
     */
    public Builder reviewApprovalTerms(ApprovalTerms terms) {
      this.reviewApprovalTerms = Objects.requireNonNull(terms, "terms");
      return this;
    }

    /**
     * Sets the escalation ladder of overdue preventive actions (see {@link
     * Reviews.Builder#actionEscalation}).
     *
     * @param escalation the policy
     * @return this builder
     */
    public Builder actionEscalation(ActionEscalationPolicy escalation) {
      this.actionEscalation = Objects.requireNonNull(escalation, "escalation");
      return this;
    }

    /**
     * Sets the calendar a review's business time lost is counted on (see {@link
     * Reviews.Builder#calendar}).
     *
     * @param calendar the calendar
     * @return this builder
     */
    public Builder calendar(BusinessCalendar calendar) {
      this.calendar = Objects.requireNonNull(calendar, "calendar");
      return this;
    }

    /**
     * Sets the policy that proposes problems (see {@link Problems.Builder#detection}).
     *
     * @param detection the policy
     * @return this builder
     */
    public Builder problemDetection(ProblemDetectionPolicy detection) {
      this.problemDetection = Objects.requireNonNull(detection, "detection");
      return this;
    }

    /**
     * Sets where KNOWN_ERROR articles are published (see {@link
     * Problems.Builder#knownErrorPublisher}).
     *
     * @param publisher the publisher
     * @return this builder
     */
    public Builder knownErrorPublisher(KnownErrorPublisher publisher) {
      this.knownErrorPublisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * Sets where problems are kept.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder problemRepository(ProblemRepository repository) {
      this.problemRepository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets where reviews are kept.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder reviewRepository(ReviewRepository repository) {
      this.reviewRepository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets where preventive actions are kept.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder actionRepository(PreventiveActionRepository repository) {
      this.actionRepository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets where surveys are kept.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder surveyRepository(SurveyRepository repository) {
      this.surveyRepository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Adds a listener of problem events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder problemListener(ProblemListener listener) {
      this.problemListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener of review events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder reviewListener(ReviewListener listener) {
      this.reviewListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener of preventive-action events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder actionListener(PreventiveActionListener listener) {
      this.actionListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener of survey events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder surveyListener(SurveyListener listener) {
      this.surveyListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the desk from {@code deskBuilder} (adding the listener through which the practices
     * hear it, and the access policy if one was set here), then the practices on it.
     *
     * @param deskBuilder the configured desk builder; not reused afterwards
     * @return the desk with its practices
     * @throws ValidationException if the desk builder or a practice's settings are invalid
     */
    public Improvement build(ServiceDesk.Builder deskBuilder) {
      Objects.requireNonNull(deskBuilder, "deskBuilder");
      IncidentRelay relay = new IncidentRelay();
      deskBuilder.listener(relay);
      if (accessPolicy != null) {
        deskBuilder.accessPolicy(accessPolicy);
      }
      ServiceDesk desk = deskBuilder.build();
      Kernel kernel = desk.config().kernel();
      problemRepository = orStore(problemRepository, kernel, ProblemRepository.class,
          InMemoryProblemRepository::new);
      reviewRepository = orStore(reviewRepository, kernel, ReviewRepository.class,
          InMemoryReviewRepository::new);
      actionRepository = orStore(actionRepository, kernel, PreventiveActionRepository.class,
          InMemoryPreventiveActionRepository::new);
      surveyRepository = orStore(surveyRepository, kernel, SurveyRepository.class,
          InMemorySurveyRepository::new);
      Reviews.Builder rb = Reviews.builder().desk(desk).kernel(kernel)
          .repository(reviewRepository).actionRepository(actionRepository).policy(reviewPolicy)
          .actionEscalation(actionEscalation);
      if (reviewApprovalTerms != null) {
        rb.approvalTerms(reviewApprovalTerms);
      }
      if (calendar != null) {
        rb.calendar(calendar);
      }
      reviewListeners.forEach(rb::listener);
      actionListeners.forEach(rb::actionListener);
      Reviews reviews = rb.build();
      Problems.Builder pb = Problems.builder().desk(desk).kernel(kernel)
          .repository(problemRepository).knownErrorPublisher(knownErrorPublisher)
          .detection(problemDetection).listener(reviews.problemListener());
      problemListeners.forEach(pb::listener);
      Problems problems = pb.build();
      Surveys.Builder sb = Surveys.builder().kernel(kernel)
          .repository(surveyRepository).policy(surveyPolicy).questionnaire(questionnaire)
          .answerWithin(answerWithin);
      surveyListeners.forEach(sb::listener);
      Surveys surveys = sb.build();
      relay.forwardTo(List.of(problems.incidentListener(), reviews.incidentListener(),
          surveys.incidentListener()));
      return new Improvement(desk, problems, reviews, surveys, this);
    }

    private static <T> T orStore(T given, Kernel kernel, Class<T> type, Supplier<T> memory) {
      return given != null ? given : kernel.stores().find(type).orElseGet(memory);
    }
  }
}
