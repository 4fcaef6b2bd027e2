package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The assessment indicators of a service desk, each computed from incident events alone. Every
 * constant carries its definition — what is counted (numerator), over what (denominator), on
 * which clock, and at which instant a measurement falls in a period — which docs/metrics.md
 * repeats with examples.
 *
 * <p>Two cohorts recur:
 *
 * <ul>
 *   <li><b>resolved in the period</b>: incidents whose <em>final</em> resolution (the last
 *       {@code Resolved} event before the end of the period, not followed by a reopen) lies in the
 *       period; an incident counts once, at that resolution. An incident reopened and not
 *       resolved again by the end of the period is open, not resolved.
 *   <li><b>open</b> (the backlog): status NEW, ASSIGNED, IN_PROGRESS, ON_HOLD or
 *       PENDING_APPROVAL. A resolved incident waiting for the caller's answer is not backlog.
 * </ul>
 */
public enum Metric {
  /** Incidents opened in the period. */
  OPENED(Kind.COUNT, Clock.NONE, "incidents whose openedAt lies in the period", "—", "openedAt"),
  /** Incidents resolved in the period (final resolution). */
  RESOLVED(Kind.COUNT, Clock.NONE, "incidents resolved in the period (final resolution)", "—",
      "the final Resolved event"),
  /** Incidents closed in the period, whatever the close reason. */
  CLOSED(Kind.COUNT, Clock.NONE,
      "incidents CLOSED at the end of the period whose last Closed event lies in the period", "—",
      "the last Closed event"),
  /** Incidents closed without a resolution in the period (duplicate, raised in error, …). */
  CLOSED_WITHOUT_RESOLUTION(Kind.COUNT, Clock.NONE,
      "of CLOSED, those closed without a resolution (close reason WITHOUT_RESOLUTION)", "—",
      "the last Closed event"),
  /** Incidents cancelled in the period. */
  CANCELLED(Kind.COUNT, Clock.NONE, "incidents whose Cancelled event lies in the period", "—",
      "the Cancelled event"),
  /** Reopen events in the period. */
  REOPENS(Kind.COUNT, Clock.NONE,
      "Reopened events in the period (a rejected resolution, or a closed incident reopened)", "—",
      "each Reopened event"),
  /** Open incidents at the end of the period (or of each time bucket). */
  BACKLOG(Kind.COUNT, Clock.NONE,
      "incidents open at the end of the period (or of each month/week/day when grouped by time)",
      "—", "the end of the period or bucket"),
  /** How long the backlog has been open. */
  BACKLOG_AGE(Kind.DURATIONS, Clock.WALL,
      "for each incident of BACKLOG, the end of the period (or bucket) minus its openedAt", "—",
      "the end of the period or bucket"),
  /** First-contact resolution rate. */
  FIRST_CONTACT_RESOLUTION(Kind.RATE, Clock.NONE,
      "incidents resolved in the period at first contact (a service-desk agent resolved the NEW,"
          + " unassigned incident; Resolution.firstContact)",
      "incidents resolved in the period", "the final Resolved event"),
  /** Response SLA compliance. */
  RESPONSE_SLA(Kind.RATE, Clock.BUSINESS,
      "response clocks met: stopped by a response within the target",
      "response clocks with an outcome in the period: met (counted when the response came) or"
          + " missed (counted when the clock passed 100 %); cancelled clocks have no outcome",
      "the response, or the breach"),
  /** Resolution SLA compliance. */
  RESOLUTION_SLA(Kind.RATE, Clock.BUSINESS,
      "resolution clocks met: stopped by a resolution within the target",
      "resolution clocks with an outcome in the period: met (counted at the resolution) or"
          + " missed (counted when the clock passed 100 %); cancelled clocks have no outcome",
      "the resolution, or the breach"),
  /** Time to acknowledge. */
  TIME_TO_ACKNOWLEDGE(Kind.DURATIONS, Clock.WALL,
      "openedAt to the first event by someone other than the caller and the system (an agent who"
          + " logs a caller's ticket acknowledges it when logging it)",
      "incidents acknowledged in the period", "the acknowledging event"),
  /** Time to respond, as the response SLA counts it. */
  TIME_TO_RESPOND(Kind.DURATIONS, Clock.BUSINESS,
      "business time of the response clock when the response came (pauses excluded; see"
          + " SlaClock for what is a response)",
      "incidents responded to in the period", "the response"),
  /** Time to resolve, wall clock. */
  TIME_TO_RESOLVE(Kind.DURATIONS, Clock.WALL, "openedAt to the final resolution",
      "incidents resolved in the period", "the final Resolved event"),
  /** Time to resolve, as the resolution SLA counts it. */
  TIME_TO_RESOLVE_BUSINESS(Kind.DURATIONS, Clock.BUSINESS,
      "business time of the resolution clock at the final resolution (pauses excluded)",
      "incidents resolved in the period whose resolution clock stopped there",
      "the final Resolved event"),
  /** Handling time: time worked, on-hold excluded. */
  HANDLING_TIME(Kind.DURATIONS, Clock.BUSINESS,
      "business time the incident spent IN_PROGRESS (not ON_HOLD, not waiting in a queue, not"
          + " pending approval) up to its final resolution; for a first-contact resolution, the"
          + " contact: openedAt to the resolution",
      "incidents resolved in the period", "the final Resolved event"),
  /** Reopen rate. */
  REOPEN_RATE(Kind.RATE, Clock.NONE,
      "incidents resolved in the period that had been reopened at least once before their final"
          + " resolution",
      "incidents resolved in the period", "the final Resolved event"),
  /** Reassignments in the period. */
  REASSIGNMENTS(Kind.COUNT, Clock.NONE,
      "moves of an assigned incident away from its holder (Assigned or a functional Escalated"
          + " event): to another team, or from one assignee to another or back to the queue; the"
          + " first assignee given to an incident its team holds unassigned is a pick-up, not"
          + " counted",
      "—", "each change"),
  /** Reassignments per resolved incident. */
  REASSIGNMENTS_PER_INCIDENT(Kind.MEAN, Clock.NONE,
      "reassignments of the incidents resolved in the period, up to their final resolution",
      "incidents resolved in the period", "the final Resolved event"),
  /** Functional escalation rate. */
  FUNCTIONAL_ESCALATION_RATE(Kind.RATE, Clock.NONE,
      "incidents resolved in the period that were escalated functionally (to another level or"
          + " team) at least once",
      "incidents resolved in the period", "the final Resolved event"),
  /** Hierarchical escalation rate. */
  HIERARCHICAL_ESCALATION_RATE(Kind.RATE, Clock.NONE,
      "incidents resolved in the period that were escalated hierarchically (a lead or manager"
          + " notified) at least once",
      "incidents resolved in the period", "the final Resolved event"),
  /** Cost of the time worked (with a cost model). */
  COST(Kind.MONEY, Clock.BUSINESS,
      "HANDLING_TIME of each incident resolved in the period × the hourly rate of the team (or"
          + " support level) that held it while it was worked",
      "—", "the final Resolved event"),
  /** Cost per ticket (with a cost model). */
  COST_PER_TICKET(Kind.MONEY, Clock.BUSINESS, "COST", "incidents resolved in the period",
      "the final Resolved event"),
  /**
   * Customer satisfaction: the share of survey answers whose overall score is satisfied ({@link
   * #SATISFIED_SCORE} or more of 5). Needs the survey store ({@code SurveyRepository}).
   */
  CSAT(Kind.RATE, Clock.NONE,
      "survey answers in the period whose overall score is 4 or 5 (satisfied or very satisfied)",
      "survey answers in the period", "the SurveyAnswered event"),
  /** The mean overall score of the survey answers (1 to 5). Needs the survey store. */
  CSAT_SCORE(Kind.MEAN, Clock.NONE, "the overall scores (1 to 5) of the survey answers in the"
      + " period, summed", "survey answers in the period", "the SurveyAnswered event"),
  /** The share of the surveys sent that were answered. Needs the survey store. */
  SURVEY_RESPONSE_RATE(Kind.RATE, Clock.NONE,
      "surveys sent in the period and answered before its end",
      "surveys sent in the period (skipped surveys were not sent)", "the SurveySent event"),
  /**
   * New knowledge articles drafted, per author (group by {@code assignee} for each agent). Needs
   * the knowledge store ({@code KnowledgeRepository}).
   */
  ARTICLES_DRAFTED(Kind.COUNT, Clock.NONE, "ArticleDrafted events in the period, in the author's"
      + " group (assignee = the author)", "—", "the ArticleDrafted event"),
  /** Article versions published, per author of the version. Needs the knowledge store. */
  ARTICLES_PUBLISHED(Kind.COUNT, Clock.NONE, "ArticlePublished events in the period, in the group"
      + " of the published version's author (assignee = the author)", "—",
      "the ArticlePublished event"),
  /** Articles suggested to agents for incidents. Needs the knowledge store. */
  ARTICLES_SUGGESTED(Kind.COUNT, Clock.NONE, "ArticleSuggested events in the period (one per"
      + " article shown for an incident), in the incident's group", "—",
      "the ArticleSuggested event"),
  /** Articles opened while working on an incident. Needs the knowledge store. */
  ARTICLES_OPENED(Kind.COUNT, Clock.NONE, "ArticleOpened events in the period that name an"
      + " incident, in the incident's group", "—", "the ArticleOpened event"),
  /** Articles used to resolve an incident. Needs the knowledge store. */
  ARTICLES_USED(Kind.COUNT, Clock.NONE, "ArticleUsed events in the period (an article used to"
      + " resolve an incident), in the incident's group", "—", "the ArticleUsed event"),
  /**
   * Readers' feedback that an article helped. Feedback names no incident: grouped by time only
   * (attribute dimensions {@code (none)}). Needs the knowledge store.
   */
  ARTICLES_HELPED(Kind.COUNT, Clock.NONE, "FeedbackGiven events in the period saying the article"
      + " helped (no incident: attribute dimensions are (none))", "—", "the FeedbackGiven event"),
  /** The share of resolutions that used a knowledge article. Needs the knowledge store. */
  KNOWLEDGE_USE_RATE(Kind.RATE, Clock.NONE, "incidents resolved in the period for which an"
      + " article was used (an ArticleUsed event naming the incident before the end of the"
      + " period)", "incidents resolved in the period", "the final Resolved event"),
  /**
   * Preventive actions overdue at the end of the period (or of each time bucket), by the
   * action's team ({@code team}) and owner ({@code assignee}). Needs the preventive-action store
   * ({@code PreventiveActionRepository}).
   */
  OVERDUE_ACTIONS(Kind.COUNT, Clock.NONE, "preventive actions not DONE or CANCELLED at the end of"
      + " the period (or bucket) whose due date (as rescheduled by then) is at or before it; team ="
      + " the action's team, assignee = its owner", "—", "the end of the period or bucket"),
  /** How long the overdue preventive actions are past their due date. */
  OVERDUE_ACTION_AGE(Kind.DURATIONS, Clock.WALL, "for each action of OVERDUE_ACTIONS, the end of"
      + " the period (or bucket) minus its due date", "—", "the end of the period or bucket");

  /** The lowest overall survey score that counts as satisfied in {@link #CSAT} (of 1 to 5). */
  public static final int SATISFIED_SCORE = 4;

  /** What kind of value a metric has. */
  public enum Kind {
    /** A number of incidents or events: {@link MetricValue.Count}. */
    COUNT,
    /** A share: {@link MetricValue.Rate}. */
    RATE,
    /** Durations summarized: {@link MetricValue.Durations}. */
    DURATIONS,
    /** An average number: {@link MetricValue.Mean}. */
    MEAN,
    /** An amount of money: {@link MetricValue.Money}. */
    MONEY
  }

  /** Which clock durations are measured on. */
  public enum Clock {
    /** No duration is involved. */
    NONE,
    /** Elapsed real time. */
    WALL,
    /**
     * Working time on the business calendar of the incident's SLA target (the response target's
     * for responses, the resolution target's otherwise), paused holds excluded where stated.
     */
    BUSINESS
  }

  private final Kind kind;
  private final Clock clock;
  private final String numerator;
  private final String denominator;
  private final String countedAt;

  Metric(Kind kind, Clock clock, String numerator, String denominator, String countedAt) {
    this.kind = kind;
    this.clock = clock;
    this.numerator = numerator;
    this.denominator = denominator;
    this.countedAt = countedAt;
  }

  /**
   * Returns the name used on the command line and in JSON, for example {@code
   * first-contact-resolution}.
   *
   * @return the id
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns the kind of value.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the clock durations are measured on.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns what is counted or measured.
   *
   * @return the definition of the numerator (for counts and durations: what is measured)
   */
  public String numerator() {
    return numerator;
  }

  /**
   * Returns what a rate or mean is taken over.
   *
   * @return the definition of the denominator, or {@code "—"} for counts and sums
   */
  public String denominator() {
    return denominator;
  }

  /**
   * Returns the instant at which a measurement falls in a period or a time bucket.
   *
   * @return for example {@code "the final Resolved event"}
   */
  public String countedAt() {
    return countedAt;
  }

  /**
   * Parses an id as {@link #id()} returns it (case and {@code _}/{@code -} ignored).
   *
   * @param id the id
   * @return the metric
   * @throws ValidationException naming the allowed ids when none matches
   */
  public static Metric parse(String id) {
    Objects.requireNonNull(id, "id");
    String n = id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Metric m : values()) {
      if (m.name().equals(n)) {
        return m;
      }
    }
    throw new ValidationException("unknown metric '" + id + "'; allowed: "
        + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")));
  }
}
