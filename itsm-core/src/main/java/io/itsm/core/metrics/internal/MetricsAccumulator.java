package io.itsm.core.metrics.internal;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.metrics.CostModel;
import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.GroupMetrics;
import io.itsm.core.metrics.MetricsQuery;
import io.itsm.core.metrics.MetricsReport;
import io.itsm.core.metrics.Period;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.SlaState;
import io.itsm.core.sla.SlaStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds incident histories into the groups of a {@link MetricsQuery}, one history at a time:
 * memory grows with the number of groups, never with the number of incidents.
 *
 * <p>Not thread-safe: one per worker; {@link #merge} combines workers.
 */
public final class MetricsAccumulator {

  private final MetricsQuery query;
  private final Period period;
  private final List<Dimension> attributeDims;
  private final int timeIndex;
  private final TimeBuckets buckets;
  private final Map<List<String>, GroupAccumulator> groups = new HashMap<>();
  private final GroupAccumulator total = new GroupAccumulator();
  private final boolean grouped;
  private final Optional<CostModel> costModel;
  private long incidents;
  private PracticeFacts practice;

  // per incident: the key values of the attribute dimensions, and the group without time
  private String[] keyValues;
  private GroupAccumulator untimed;

  /**
   * Creates an empty accumulator.
   *
   * @param query what to compute
   */
  public MetricsAccumulator(MetricsQuery query) {
    this.query = query;
    this.period = query.period();
    this.grouped = !query.by().isEmpty();
    this.costModel = query.costModel();
    List<Dimension> attrs = new ArrayList<>();
    int ti = -1;
    for (int i = 0; i < query.by().size(); i++) {
      Dimension d = query.by().get(i);
      if (d.isTime()) {
        ti = i;
      } else {
        attrs.add(d);
      }
    }
    this.attributeDims = List.copyOf(attrs);
    this.timeIndex = ti;
    this.buckets = query.timeDimension().map(d -> new TimeBuckets(d, query.zone())).orElse(null);
  }

  /**
   * Measures the practices beside the incidents too: each incident's history then also folds the
   * surveys and knowledge usage that name it ({@link PracticeFacts#claim}). Give every worker's
   * accumulator the same facts; {@link #addRecords} folds the records that name no incident, on
   * one accumulator only.
   *
   * @param practice what the practices say for the period
   * @return this accumulator
   */
  public MetricsAccumulator withPractice(PracticeFacts practice) {
    this.practice = practice;
    return this;
  }

  /**
   * Adds the surveys and knowledge usage of an incident that was not among the histories read
   * (closed before the period, so none of its own metrics fall in it): only the practices' values
   * are counted, in the incident's groups.
   *
   * @param history its whole history, oldest first (empty: the incident is not in the store; its
   *     values go to the group whose attribute dimensions are all {@code (none)})
   * @param incidentId the incident
   */
  public void addPracticeOnly(List<? extends IncidentEvent> history, String incidentId) {
    if (practice == null) {
      return;
    }
    PracticeFacts.OfIncident o = practice.claim(incidentId);
    if (o == null) {
      return;
    }
    Optional<IncidentFacts> read = history.isEmpty() ? Optional.empty()
        : IncidentFacts.read(history, period.to(), query.slaPolicy());
    if (read.isPresent()) {
      prepareKey(read.get());
    } else {
      prepareRecordKey(null, null);
    }
    foldPractice(o);
  }

  /**
   * Adds the practices' records that name no incident: articles drafted and published (by their
   * author), "helped" feedback, and the preventive actions overdue at each boundary (by team and
   * owner). Call it on one accumulator only.
   */
  public void addRecords() {
    if (practice == null) {
      return;
    }
    for (PracticeFacts.Authored a : practice.drafted) {
      prepareRecordKey(null, a.author());
      for (GroupAccumulator g : at(a.at())) {
        g.articlesDrafted++;
      }
    }
    for (PracticeFacts.Authored a : practice.published) {
      prepareRecordKey(null, a.author());
      for (GroupAccumulator g : at(a.at())) {
        g.articlesPublished++;
      }
    }
    for (Instant t : practice.helped) {
      prepareRecordKey(null, null);
      for (GroupAccumulator g : at(t)) {
        g.articlesHelped++;
      }
    }
    for (PracticeFacts.Overdue a : practice.overdue) {
      prepareRecordKey(a.team(), a.owner());
      for (GroupAccumulator g : at(a.bucketOf())) {
        g.overdueActions++;
        g.overdueAge.addSeconds(Math.max(0, a.overdueSeconds()));
      }
    }
  }

  private void foldPractice(PracticeFacts.OfIncident o) {
    for (int i = 0; i < o.sent.size(); i++) {
      boolean answered = o.sentAnswered.get(i);
      for (GroupAccumulator g : at(o.sent.get(i))) {
        g.surveysSent++;
        if (answered) {
          g.surveysSentAnswered++;
        }
      }
    }
    for (int i = 0; i < o.answered.size(); i++) {
      int score = o.overall.get(i);
      for (GroupAccumulator g : at(o.answered.get(i))) {
        g.surveyAnswers++;
        g.surveyScoreSum += score;
        if (score >= io.itsm.core.metrics.Metric.SATISFIED_SCORE) {
          g.satisfied++;
        }
      }
    }
    for (Instant t : o.suggested) {
      for (GroupAccumulator g : at(t)) {
        g.articlesSuggested++;
      }
    }
    for (Instant t : o.opened) {
      for (GroupAccumulator g : at(t)) {
        g.articlesOpened++;
      }
    }
    for (Instant t : o.used) {
      for (GroupAccumulator g : at(t)) {
        g.articlesUsed++;
      }
    }
  }

  /**
   * Adds one incident's history.
   *
   * @param history the whole history, oldest first
   * @throws io.itsm.core.ValidationException if the history cannot be read (the message names the
   *     incident)
   */
  public void add(List<? extends IncidentEvent> history) {
    if (history.isEmpty()) {
      return;
    }
    Optional<IncidentFacts> read = IncidentFacts.read(history, period.to(), query.slaPolicy());
    if (read.isEmpty()) {
      return;
    }
    incidents++;
    IncidentFacts f = read.get();
    prepareKey(f);
    PracticeFacts.OfIncident practiced = practice == null ? null : practice.claim(f.id);
    Instant from = period.from();
    Instant to = period.to();

    if (period.contains(f.openedAt)) {
      for (GroupAccumulator g : at(f.openedAt)) {
        g.opened++;
      }
    }
    if (f.ackAt != null && period.contains(f.ackAt)) {
      long s = seconds(f.openedAt, f.ackAt);
      for (GroupAccumulator g : at(f.ackAt)) {
        g.acknowledge.addSeconds(s);
      }
    }
    SlaStatus response = f.sla.response();
    Optional<Instant> stopped = response.stoppedAt();
    if (isDone(response) && period.contains(stopped.get())) {
      for (GroupAccumulator g : at(stopped.get())) {
        g.respond.add(response.elapsed());
        if (response.state() == SlaState.MET) {
          g.responseMet++;
          g.responseDecided++;
        }
      }
    }
    missed(response);
    SlaStatus resolution = f.sla.resolution();
    if (resolution.state() == SlaState.MET && period.contains(resolution.stoppedAt().get())) {
      for (GroupAccumulator g : at(resolution.stoppedAt().get())) {
        g.resolutionMet++;
        g.resolutionDecided++;
      }
    }
    missedResolution(resolution);

    if (f.finalResolvedAt != null && period.contains(f.finalResolvedAt)) {
      resolved(f, resolution);
      if (practiced != null && practiced.usedByEnd) {
        for (GroupAccumulator g : at(f.finalResolvedAt)) {
          g.resolvedWithArticle++;
        }
      }
    }
    if (f.closedAt != null && f.status == io.itsm.core.incident.Status.CLOSED
        && period.contains(f.closedAt)) {
      for (GroupAccumulator g : at(f.closedAt)) {
        g.closed++;
        if (f.closedWithoutResolution) {
          g.closedWithoutResolution++;
        }
      }
    }
    if (f.cancelledAt != null && period.contains(f.cancelledAt)) {
      for (GroupAccumulator g : at(f.cancelledAt)) {
        g.cancelled++;
      }
    }
    for (Instant t : f.reopens) {
      if (period.contains(t)) {
        for (GroupAccumulator g : at(t)) {
          g.reopens++;
        }
      }
    }
    for (Instant t : f.reassignments) {
      if (period.contains(t)) {
        for (GroupAccumulator g : at(t)) {
          g.reassignments++;
        }
      }
    }
    backlog(f, from, to);
    if (practiced != null) {
      foldPractice(practiced);
    }
  }

  private static boolean isDone(SlaStatus s) {
    return s.state() == SlaState.MET || s.state() == SlaState.MISSED;
  }

  private void missed(SlaStatus s) {
    if (s.state() != SlaState.CANCELLED && s.breachedAt().isPresent()
        && period.contains(s.breachedAt().get())) {
      for (GroupAccumulator g : at(s.breachedAt().get())) {
        g.responseDecided++;
      }
    }
  }

  private void missedResolution(SlaStatus s) {
    if (s.state() != SlaState.CANCELLED && s.breachedAt().isPresent()
        && period.contains(s.breachedAt().get())) {
      for (GroupAccumulator g : at(s.breachedAt().get())) {
        g.resolutionDecided++;
      }
    }
  }

  private void resolved(IncidentFacts f, SlaStatus resolution) {
    Instant t = f.finalResolvedAt;
    BusinessCalendar cal = resolution.target().calendar();
    GroupAccumulator[] targets = at(t);
    long handling = f.handling(cal, (w, s) -> {
      if (costModel.isPresent()) {
        BigDecimal rate = costModel.get().rateFor(Optional.ofNullable(w.team()),
            Optional.ofNullable(w.level()));
        for (GroupAccumulator g : targets) {
          g.work(rate, s);
        }
      }
    });
    boolean stoppedHere = isDone(resolution) && resolution.stoppedAt().get().equals(t);
    for (GroupAccumulator g : targets) {
      g.resolved++;
      if (f.firstContact) {
        g.firstContact++;
      }
      if (f.reopened) {
        g.reopenedResolved++;
      }
      if (f.escalatedFunctional) {
        g.functionallyEscalated++;
      }
      if (f.escalatedHierarchical) {
        g.hierarchicallyEscalated++;
      }
      g.reassignmentsOfResolved += f.reassignmentsAtResolution;
      g.resolve.addSeconds(seconds(f.openedAt, t));
      g.handling.addSeconds(handling);
      if (stoppedHere) {
        g.resolveBusiness.add(resolution.elapsed());
      }
    }
  }

  /** The backlog at the end of the period, or at the end of each time bucket. */
  private void backlog(IncidentFacts f, Instant from, Instant to) {
    List<Instant> toggles = f.openToggles;
    for (int i = 0; i < toggles.size(); i += 2) {
      Instant s = toggles.get(i);
      Instant e = i + 1 < toggles.size() ? toggles.get(i + 1) : Instant.MAX;
      // the incident is open at every b with s < b <= e
      if (buckets == null) {
        if (s.isBefore(to) && !e.isBefore(to)) {
          countBacklog(f, to, to);
        }
        continue;
      }
      Instant b = buckets.nextBoundary(s.isBefore(from) ? from : s);
      while (b.isBefore(to) && !b.isAfter(e)) {
        countBacklog(f, b, b.minusNanos(1));
        b = buckets.nextBoundary(b);
      }
      if (s.isBefore(to) && !e.isBefore(to)) {
        countBacklog(f, to, to.minusNanos(1));
      }
    }
  }

  private void countBacklog(IncidentFacts f, Instant at, Instant bucketOf) {
    long age = seconds(f.openedAt, at);
    for (GroupAccumulator g : at(bucketOf)) {
      g.backlog++;
      g.backlogAge.addSeconds(age);
    }
  }

  private static long seconds(Instant a, Instant b) {
    return Math.max(0, Duration.between(a, b).getSeconds());
  }

  private void prepareKey(IncidentFacts f) {
    prepareKey(d -> valueOf(f, d));
  }

  /** The key of a record that names no incident: a team and a person at most. */
  private void prepareRecordKey(String team, String person) {
    prepareKey(d -> {
      String v = d == Dimension.TEAM ? team : d == Dimension.ASSIGNEE ? person : null;
      return v == null ? Dimension.NONE : v;
    });
  }

  /** Sets the untimed group (and the key values) from each grouping dimension's value. */
  private void prepareKey(java.util.function.Function<Dimension, String> valueOf) {
    if (!grouped) {
      untimed = null;
      return;
    }
    keyValues = new String[query.by().size()];
    for (int i = 0; i < query.by().size(); i++) {
      Dimension d = query.by().get(i);
      if (!d.isTime()) {
        keyValues[i] = valueOf.apply(d);
      }
    }
    untimed = buckets == null ? groups.computeIfAbsent(List.of(keyValues), k -> new GroupAccumulator())
        : null;
  }

  private static String valueOf(IncidentFacts f, Dimension d) {
    String v = switch (d) {
      case CATEGORY -> f.category;
      case SUBCATEGORY -> f.subcategory;
      case PRIORITY -> f.priority == null ? null : f.priority.name();
      case TEAM -> f.team;
      case ASSIGNEE -> f.assignee;
      case LEVEL -> f.level == null ? null : f.level.name();
      case CHANNEL -> f.channel;
      case SERVICE -> f.service;
      case DEPARTMENT -> f.department;
      case LANGUAGE -> f.language;
      case SLA_TARGETS -> f.sla.targets().name();
      default -> throw new IllegalStateException("not an attribute dimension: " + d);
    };
    return v == null ? Dimension.NONE : v;
  }

  private final GroupAccumulator[] one = new GroupAccumulator[1];
  private final GroupAccumulator[] two = new GroupAccumulator[2];

  /** The accumulators a measurement at instant {@code t} goes to: its group and the total. */
  private GroupAccumulator[] at(Instant t) {
    if (!grouped) {
      one[0] = total;
      return one;
    }
    GroupAccumulator g = untimed;
    if (g == null) {
      String[] k = keyValues.clone();
      k[timeIndex] = buckets.label(t);
      g = groups.computeIfAbsent(Arrays.asList(k), x -> new GroupAccumulator());
    }
    two[0] = g;
    two[1] = total;
    return two;
  }

  /**
   * Adds another accumulator's groups to this one.
   *
   * @param other an accumulator of the same query, not used afterwards
   */
  public void merge(MetricsAccumulator other) {
    incidents += other.incidents;
    total.merge(other.total);
    other.groups.forEach((k, g) -> groups.computeIfAbsent(k, x -> new GroupAccumulator()).merge(g));
  }

  /**
   * Returns the report.
   *
   * @return the groups in key order and the total
   */
  public MetricsReport report() {
    PracticeFacts p = practice;
    boolean[] measured = p == null ? new boolean[3]
        : new boolean[] {p.surveys, p.knowledge, p.actions};
    GroupMetrics all = total.toMetrics(Map.of(), costModel, measured);
    List<GroupMetrics> out = new ArrayList<>();
    if (!grouped) {
      out.add(all);
    } else {
      List<List<String>> keys = new ArrayList<>(groups.keySet());
      keys.sort((a, b) -> {
        for (int i = 0; i < a.size(); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      });
      for (List<String> k : keys) {
        Map<Dimension, String> key = new LinkedHashMap<>();
        for (int i = 0; i < k.size(); i++) {
          key.put(query.by().get(i), k.get(i));
        }
        out.add(groups.get(k).toMetrics(key, costModel, measured));
      }
    }
    return new MetricsReport(query, incidents, out, all);
  }
}
