package io.itsm.core.metrics.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.ArticleOpened;
import io.itsm.core.knowledge.event.ArticlePublished;
import io.itsm.core.knowledge.event.ArticleRevised;
import io.itsm.core.knowledge.event.ArticleSuggested;
import io.itsm.core.knowledge.event.ArticleUsed;
import io.itsm.core.knowledge.event.FeedbackGiven;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.Period;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.PreventiveActionHistory;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.survey.Questionnaire;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyAnswered;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveyRepository;
import io.itsm.core.survey.SurveySent;
import io.itsm.core.survey.SurveySkipped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the practices beside the incidents say for a period, read from their event histories
 * before the incidents are folded: survey sends and answers and knowledge usage per incident (to
 * be grouped by the incident's dimensions), and the records that belong to no incident (articles
 * drafted and published per author, "helped" feedback, preventive actions overdue at each
 * boundary). Each history is cut at the end of the period, like the incidents'.
 *
 * <p>Memory grows with the surveys and knowledge events of the period (one small entry per
 * incident they name) and the overdue actions, not with the incidents.
 *
 * <p>Thread-safe for {@link #claim} (workers claim the entries of their incidents); everything
 * else is read once, after the reading.
 */
public final class PracticeFacts {

  /** The surveys and knowledge usage of one incident, within the period. */
  public static final class OfIncident {
    /** SurveySent instants in the period. */
    final List<Instant> sent = new ArrayList<>(1);
    /** For each of {@link #sent}: answered before the end of the period. */
    final List<Boolean> sentAnswered = new ArrayList<>(1);
    /** SurveyAnswered instants in the period. */
    final List<Instant> answered = new ArrayList<>(1);
    /** For each of {@link #answered}: the overall score. */
    final List<Integer> overall = new ArrayList<>(1);
    final List<Instant> suggested = new ArrayList<>(0);
    final List<Instant> opened = new ArrayList<>(0);
    final List<Instant> used = new ArrayList<>(0);
    /** An ArticleUsed event names the incident before the end of the period. */
    boolean usedByEnd;
  }

  /** A count that belongs to a person (an article's author), not to an incident. */
  record Authored(String author, Instant at) {}

  /** A preventive action overdue at a boundary, counted in the bucket of {@code bucketOf}. */
  record Overdue(String team, String owner, Instant bucketOf, long overdueSeconds) {}

  final boolean surveys;
  final boolean knowledge;
  final boolean actions;
  private final Map<String, OfIncident> byIncident = new ConcurrentHashMap<>();
  final List<Authored> drafted = new ArrayList<>();
  final List<Authored> published = new ArrayList<>();
  final List<Instant> helped = new ArrayList<>();
  final List<Overdue> overdue = new ArrayList<>();

  private PracticeFacts(boolean surveys, boolean knowledge, boolean actions) {
    this.surveys = surveys;
    this.knowledge = knowledge;
    this.actions = actions;
  }

  /**
   * Reads the practices' histories for a period.
   *
   * @param surveys the survey store, if the metrics include CSAT
   * @param knowledge the knowledge store, if they include knowledge contributions and use
   * @param actions the preventive-action store, if they include overdue actions
   * @param period the period
   * @param timeUnit the time dimension, if the report is grouped by one
   * @param zone the zone of the time buckets
   * @return the facts
   * @throws ValidationException if a stored history cannot be read (the message names it)
   */
  public static PracticeFacts read(Optional<SurveyRepository> surveys,
      Optional<KnowledgeRepository> knowledge, Optional<PreventiveActionRepository> actions,
      Period period, Optional<Dimension> timeUnit, ZoneId zone) {
    PracticeFacts p = new PracticeFacts(surveys.isPresent(), knowledge.isPresent(),
        actions.isPresent());
    surveys.ifPresent(r -> p.readSurveys(r, period));
    knowledge.ifPresent(r -> p.readKnowledge(r, period));
    actions.ifPresent(r -> p.readActions(r, period, boundaries(period, timeUnit, zone)));
    return p;
  }

  /** Whether any practice is measured. */
  boolean any() {
    return surveys || knowledge || actions;
  }

  /**
   * Takes the entry of an incident (once: a second claim finds nothing).
   *
   * @param incidentId the incident
   * @return its entry, or null when the practices name it nowhere in the period
   */
  OfIncident claim(String incidentId) {
    return byIncident.remove(incidentId);
  }

  /**
   * Returns the incidents named by the practices that no history claimed yet.
   *
   * @return their ids
   */
  public Set<String> unclaimed() {
    return Set.copyOf(byIncident.keySet());
  }

  private OfIncident of(String incidentId) {
    return byIncident.computeIfAbsent(incidentId, k -> new OfIncident());
  }

  private void readSurveys(SurveyRepository repository, Period period) {
    for (Survey s : repository.find(SurveyQuery.all())) {
      if (!s.createdAt().isBefore(period.to()) || s.updatedAt().isBefore(period.from())) {
        continue; // nothing of it in the period
      }
      List<SurveyEvent> history = repository.history(s.id());
      String incident = null;
      Instant sentAt = null;
      Instant answeredAt = null;
      int score = 0;
      for (SurveyEvent e : history) {
        if (!e.at().isBefore(period.to())) {
          break;
        }
        if (e instanceof SurveySent x) {
          incident = x.incidentId();
          sentAt = x.at();
        } else if (e instanceof SurveySkipped x) {
          incident = x.incidentId();
        } else if (e instanceof SurveyAnswered x) {
          answeredAt = x.at();
          Integer overall = x.scores().get(Questionnaire.OVERALL);
          if (overall == null) {
            throw new ValidationException("metrics cannot read survey " + s.id() + ": its answer #"
                + x.sequence() + " has no '" + Questionnaire.OVERALL + "' score (the CSAT score);"
                + " scores: " + x.scores().keySet());
          }
          score = overall;
        }
      }
      if (incident == null) {
        continue;
      }
      if (sentAt != null && period.contains(sentAt)) {
        OfIncident o = of(incident);
        o.sent.add(sentAt);
        o.sentAnswered.add(answeredAt != null);
      }
      if (answeredAt != null && period.contains(answeredAt)) {
        OfIncident o = of(incident);
        o.answered.add(answeredAt);
        o.overall.add(score);
      }
    }
  }

  private void readKnowledge(KnowledgeRepository repository, Period period) {
    for (KnowledgeArticle a : repository.find(KnowledgeQuery.all())) {
      Map<Integer, String> authors = new HashMap<>();
      for (KnowledgeEvent e : repository.history(a.id())) {
        Instant at = e.at();
        if (!at.isBefore(period.to())) {
          break;
        }
        boolean in = period.contains(at);
        if (e instanceof ArticleDrafted d) {
          authors.put(1, d.author());
          if (in) {
            drafted.add(new Authored(d.author(), at));
          }
        } else if (e instanceof ArticleRevised r) {
          authors.put(r.versionNumber(), r.author());
        } else if (e instanceof ArticlePublished p) {
          if (in) {
            String author = authors.get(p.versionNumber());
            published.add(new Authored(author == null ? Dimension.NONE : author, at));
          }
        } else if (e instanceof ArticleSuggested x) {
          if (in) {
            of(x.incidentId()).suggested.add(at);
          }
        } else if (e instanceof ArticleOpened x) {
          if (in && x.incidentId().isPresent()) {
            of(x.incidentId().get()).opened.add(at);
          }
        } else if (e instanceof ArticleUsed x) {
          OfIncident o = of(x.incidentId());
          o.usedByEnd = true;
          if (in) {
            o.used.add(at);
          }
        } else if (e instanceof FeedbackGiven f) {
          if (in && f.helped()) {
            helped.add(at);
          }
        }
      }
    }
  }

  private void readActions(PreventiveActionRepository repository, Period period,
      List<Instant> boundaries) {
    Instant first = boundaries.get(0);
    for (PreventiveAction a : repository.find(ActionQuery.all())) {
      if (!a.openedAt().isBefore(period.to())
          || a.finishedAt().map(f -> f.isBefore(first)).orElse(false)) {
        continue; // opened after the end, or finished before the first boundary
      }
      List<PreventiveActionEvent> history = repository.history(a.id());
      PreventiveAction state = null;
      int next = 0;
      for (Instant b : boundaries) {
        while (next < history.size() && history.get(next).at().isBefore(b)) {
          state = PreventiveActionHistory.apply(state, history.get(next));
          next++;
        }
        if (state != null && state.isOverdue(b)) {
          overdue.add(new Overdue(state.team(), state.owner(), b.equals(period.to())
              && boundaries.size() == 1 ? b : b.minusNanos(1),
              Duration.between(state.dueAt(), b).getSeconds()));
        }
      }
    }
  }

  /** The instants states are taken at: the end of each time bucket in the period, and its end. */
  private static List<Instant> boundaries(Period period, Optional<Dimension> timeUnit,
      ZoneId zone) {
    List<Instant> out = new ArrayList<>();
    if (timeUnit.isPresent()) {
      TimeBuckets buckets = new TimeBuckets(timeUnit.get(), zone);
      Instant b = buckets.nextBoundary(period.from());
      while (b.isBefore(period.to())) {
        out.add(b);
        b = buckets.nextBoundary(b);
      }
    }
    out.add(period.to());
    return out;
  }
}
