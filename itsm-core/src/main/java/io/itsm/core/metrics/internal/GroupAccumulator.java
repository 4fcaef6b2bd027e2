package io.itsm.core.metrics.internal;

import io.itsm.core.metrics.CostModel;
import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.GroupMetrics;
import io.itsm.core.metrics.Metric;
import io.itsm.core.metrics.MetricValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The running sums of one group: counters, rate numerators and denominators, duration sketches
 * and worked seconds per hourly rate. Memory is bounded: a few counters and six sketches.
 *
 * <p>Not thread-safe: one per group per worker; {@link #merge} combines workers.
 */
final class GroupAccumulator {

  long opened;
  long resolved;
  long closed;
  long closedWithoutResolution;
  long cancelled;
  long reopens;
  long backlog;
  long reassignments;
  long firstContact;
  long reopenedResolved;
  long functionallyEscalated;
  long hierarchicallyEscalated;
  long reassignmentsOfResolved;
  long responseMet;
  long responseDecided;
  long resolutionMet;
  long resolutionDecided;
  long surveysSent;
  long surveysSentAnswered;
  long surveyAnswers;
  long surveyScoreSum;
  long satisfied;
  long articlesDrafted;
  long articlesPublished;
  long articlesSuggested;
  long articlesOpened;
  long articlesUsed;
  long articlesHelped;
  long resolvedWithArticle;
  long overdueActions;
  final DurationSketch overdueAge = new DurationSketch();
  final DurationSketch backlogAge = new DurationSketch();
  final DurationSketch acknowledge = new DurationSketch();
  final DurationSketch respond = new DurationSketch();
  final DurationSketch resolve = new DurationSketch();
  final DurationSketch resolveBusiness = new DurationSketch();
  final DurationSketch handling = new DurationSketch();
  /** Worked seconds per hourly rate: the cost is exact, whatever the number of incidents. */
  final Map<BigDecimal, long[]> workedSecondsByRate = new HashMap<>();

  void work(BigDecimal rate, long seconds) {
    workedSecondsByRate.computeIfAbsent(rate, r -> new long[1])[0] += seconds;
  }

  void merge(GroupAccumulator o) {
    opened += o.opened;
    resolved += o.resolved;
    closed += o.closed;
    closedWithoutResolution += o.closedWithoutResolution;
    cancelled += o.cancelled;
    reopens += o.reopens;
    backlog += o.backlog;
    reassignments += o.reassignments;
    firstContact += o.firstContact;
    reopenedResolved += o.reopenedResolved;
    functionallyEscalated += o.functionallyEscalated;
    hierarchicallyEscalated += o.hierarchicallyEscalated;
    reassignmentsOfResolved += o.reassignmentsOfResolved;
    responseMet += o.responseMet;
    responseDecided += o.responseDecided;
    resolutionMet += o.resolutionMet;
    resolutionDecided += o.resolutionDecided;
    surveysSent += o.surveysSent;
    surveysSentAnswered += o.surveysSentAnswered;
    surveyAnswers += o.surveyAnswers;
    surveyScoreSum += o.surveyScoreSum;
    satisfied += o.satisfied;
    articlesDrafted += o.articlesDrafted;
    articlesPublished += o.articlesPublished;
    articlesSuggested += o.articlesSuggested;
    articlesOpened += o.articlesOpened;
    articlesUsed += o.articlesUsed;
    articlesHelped += o.articlesHelped;
    resolvedWithArticle += o.resolvedWithArticle;
    overdueActions += o.overdueActions;
    overdueAge.merge(o.overdueAge);
    backlogAge.merge(o.backlogAge);
    acknowledge.merge(o.acknowledge);
    respond.merge(o.respond);
    resolve.merge(o.resolve);
    resolveBusiness.merge(o.resolveBusiness);
    handling.merge(o.handling);
    o.workedSecondsByRate.forEach((r, s) -> work(r, s[0]));
  }

  /**
   * The group's values.
   *
   * @param measured whether surveys, knowledge and preventive actions were measured (their
   *     metrics are left out otherwise, as cost is without a cost model)
   */
  GroupMetrics toMetrics(Map<Dimension, String> key, Optional<CostModel> costModel,
      boolean[] measured) {
    Map<Metric, MetricValue> v = new EnumMap<>(Metric.class);
    v.put(Metric.OPENED, new MetricValue.Count(opened));
    v.put(Metric.RESOLVED, new MetricValue.Count(resolved));
    v.put(Metric.CLOSED, new MetricValue.Count(closed));
    v.put(Metric.CLOSED_WITHOUT_RESOLUTION, new MetricValue.Count(closedWithoutResolution));
    v.put(Metric.CANCELLED, new MetricValue.Count(cancelled));
    v.put(Metric.REOPENS, new MetricValue.Count(reopens));
    v.put(Metric.BACKLOG, new MetricValue.Count(backlog));
    v.put(Metric.BACKLOG_AGE, backlogAge.summary());
    v.put(Metric.FIRST_CONTACT_RESOLUTION, new MetricValue.Rate(firstContact, resolved));
    v.put(Metric.RESPONSE_SLA, new MetricValue.Rate(responseMet, responseDecided));
    v.put(Metric.RESOLUTION_SLA, new MetricValue.Rate(resolutionMet, resolutionDecided));
    v.put(Metric.TIME_TO_ACKNOWLEDGE, acknowledge.summary());
    v.put(Metric.TIME_TO_RESPOND, respond.summary());
    v.put(Metric.TIME_TO_RESOLVE, resolve.summary());
    v.put(Metric.TIME_TO_RESOLVE_BUSINESS, resolveBusiness.summary());
    v.put(Metric.HANDLING_TIME, handling.summary());
    v.put(Metric.REOPEN_RATE, new MetricValue.Rate(reopenedResolved, resolved));
    v.put(Metric.REASSIGNMENTS, new MetricValue.Count(reassignments));
    v.put(Metric.REASSIGNMENTS_PER_INCIDENT, new MetricValue.Mean(reassignmentsOfResolved, resolved));
    v.put(Metric.FUNCTIONAL_ESCALATION_RATE, new MetricValue.Rate(functionallyEscalated, resolved));
    v.put(Metric.HIERARCHICAL_ESCALATION_RATE,
        new MetricValue.Rate(hierarchicallyEscalated, resolved));
    if (measured[0]) {
      v.put(Metric.CSAT, new MetricValue.Rate(satisfied, surveyAnswers));
      v.put(Metric.CSAT_SCORE, new MetricValue.Mean(surveyScoreSum, surveyAnswers));
      v.put(Metric.SURVEY_RESPONSE_RATE, new MetricValue.Rate(surveysSentAnswered, surveysSent));
    }
    if (measured[1]) {
      v.put(Metric.ARTICLES_DRAFTED, new MetricValue.Count(articlesDrafted));
      v.put(Metric.ARTICLES_PUBLISHED, new MetricValue.Count(articlesPublished));
      v.put(Metric.ARTICLES_SUGGESTED, new MetricValue.Count(articlesSuggested));
      v.put(Metric.ARTICLES_OPENED, new MetricValue.Count(articlesOpened));
      v.put(Metric.ARTICLES_USED, new MetricValue.Count(articlesUsed));
      v.put(Metric.ARTICLES_HELPED, new MetricValue.Count(articlesHelped));
      v.put(Metric.KNOWLEDGE_USE_RATE, new MetricValue.Rate(resolvedWithArticle, resolved));
    }
    if (measured[2]) {
      v.put(Metric.OVERDUE_ACTIONS, new MetricValue.Count(overdueActions));
      v.put(Metric.OVERDUE_ACTION_AGE, overdueAge.summary());
    }
    if (costModel.isPresent()) {
      BigDecimal total = BigDecimal.ZERO;
      for (Map.Entry<BigDecimal, long[]> e : workedSecondsByRate.entrySet()) {
        total = total.add(e.getKey().multiply(BigDecimal.valueOf(e.getValue()[0])));
      }
      BigDecimal cost = total.divide(BigDecimal.valueOf(3600), MathContext.DECIMAL64);
      String currency = costModel.get().currency();
      v.put(Metric.COST, new MetricValue.Money(cost, currency, resolved));
      v.put(Metric.COST_PER_TICKET, new MetricValue.Money(resolved == 0 ? BigDecimal.ZERO
          : cost.divide(BigDecimal.valueOf(resolved), MathContext.DECIMAL64), currency, resolved));
    }
    return new GroupMetrics(key, v);
  }
}
