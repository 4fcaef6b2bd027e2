package io.itsm.core.metrics;

import static io.itsm.core.metrics.MetricsScenario.FROM;
import static io.itsm.core.metrics.MetricsScenario.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.kernel.Stores;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.InMemoryKnowledgeRepository;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.event.ArticleSuggested;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.review.InMemoryPreventiveActionRepository;
import io.itsm.core.review.PreventiveActionCancelled;
import io.itsm.core.review.PreventiveActionCompleted;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.PreventiveActionHistory;
import io.itsm.core.review.PreventiveActionOpened;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.review.PreventiveActionRescheduled;
import io.itsm.core.survey.InMemorySurveyRepository;
import io.itsm.core.survey.Questionnaire;
import io.itsm.core.survey.SurveyAnswered;
import io.itsm.core.survey.SurveyChannel;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyHistory;
import io.itsm.core.survey.SurveyRepository;
import io.itsm.core.survey.SurveySent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CSAT, knowledge contributions and use, and overdue preventive actions, computed from survey,
 * article and action histories built by hand beside {@link MetricsScenario}'s week, against values
 * worked out by hand.
 *
 * <pre>
 * incidents (MetricsScenario): A first contact, no team; B and C net (resolved Mon 16:00 and
 * 20:00); D desk (closed Tue); X desk, closed Wed 25 Feb (before the period)
 * surveys: S1 A sent Mon 10:05, answered Tue 09:00 overall 5
 *          S2 B sent Mon 17:05, answered Wed 10:00 overall 2
 *          S3 C sent Mon 20:05, not answered
 *          S4 INC-ELSEWHERE (not in the store) sent Sat 28 Feb, answered Mon 08:00 overall 4
 *          S5 D sent Tue 10:00, answered Mon 9 Mar 08:00 (after the end)
 *          S6 X sent Thu 26 Feb, answered Mon 09:00 overall 3
 * articles: K1 drafted by a1 Mon 08:00, published Mon 08:30 (author a1); suggested for B Mon
 *          10:30, opened for B Mon 13:30, used for B Mon 16:00; helped Tue 11:00, did not help
 *          Tue 11:05
 *          K2 drafted by s1 and published Fri 20 Feb (before the period); used for C Tue 09:00
 *          K3 drafted by s1 Wed 12:00, not published
 * actions: P1 net/s1 due Tue 3 Mar 18:00, open
 *          P2 desk/a1 due Tue 3 Mar 12:00, done Thu 5 Mar 10:00
 *          P3 net/s2 due Fri 6 Mar, rescheduled Thu 5 Mar to Fri 20 Mar
 *          P4 desk/a1 due Sun 1 Mar, cancelled Mon 2 Mar 10:00
 * </pre>
 */
class PracticeMetricsTest {

  private static final Actor REVIEWER = new Actor("r1", java.util.Set.of(Role.KNOWLEDGE_REVIEWER),
      java.util.Set.of());

  private final MetricsScenario s = new MetricsScenario().build();
  private final InMemorySurveyRepository surveys = new InMemorySurveyRepository();
  private final InMemoryKnowledgeRepository articles = new InMemoryKnowledgeRepository();
  private final InMemoryPreventiveActionRepository actions =
      new InMemoryPreventiveActionRepository();
  private final MutableClock kbClock = MutableClock.at(t("2026-02-20T09:00:00Z"));
  private final KnowledgeBase kb = KnowledgeBase.builder().clock(kbClock).repository(articles)
      .build();
  private final MetricsQuery week =
      MetricsQuery.of(new Period(FROM, TO)).withSlaPolicy(MetricsScenario.FLAT);
  private String x;

  PracticeMetricsTest() {
    // X: closed before the period, so not among the period's histories
    s.clock.set(t("2026-02-25T09:00:00Z"));
    x = s.desk.log(MetricsScenario.AGENT, MetricsScenario.ticket("Old request", Caller.of("u9"),
        Channel.PHONE)).id();
    s.desk.assign(MetricsScenario.AGENT, x, MetricsScenario.DESK);
    s.clock.set(t("2026-02-25T10:00:00Z"));
    s.desk.closeWithoutResolution(MetricsScenario.LEAD, x, "DUPLICATE", "asked twice");

    survey("S1", s.a, "2026-03-02T10:05:00Z", "2026-03-03T09:00:00Z", 5);
    survey("S2", s.b, "2026-03-02T17:05:00Z", "2026-03-04T10:00:00Z", 2);
    survey("S3", s.c, "2026-03-02T20:05:00Z", null, 0);
    survey("S4", "INC-ELSEWHERE", "2026-02-28T10:00:00Z", "2026-03-02T08:00:00Z", 4);
    survey("S5", s.d, "2026-03-03T10:00:00Z", "2026-03-09T08:00:00Z", 4);
    survey("S6", x, "2026-02-26T10:00:00Z", "2026-03-02T09:00:00Z", 3);

    Actor a1 = MetricsScenario.AGENT;
    Actor s1 = MetricsScenario.SPECIALIST;
    String k2 = publish(s1, "2026-02-20T09:00:00Z");
    String k1 = publish(a1, "2026-03-02T08:00:00Z");
    kbClock.set(t("2026-03-02T10:30:00Z"));
    KnowledgeArticle k1State = articles.find(k1).orElseThrow();
    KnowledgeEvent suggested = new ArticleSuggested(k1, k1State.version() + 1, kbClock.instant(),
        "system", s.b, 1, 0.9, List.of("share"));
    articles.append(k1State.version(), List.of(suggested),
        KnowledgeHistory.apply(k1State, suggested));
    kbClock.set(t("2026-03-02T13:30:00Z"));
    kb.open(s1, k1, "en", s.b);
    kbClock.set(t("2026-03-02T16:00:00Z"));
    kb.use(s1, k1, s.b);
    kbClock.set(t("2026-03-03T09:00:00Z"));
    kb.use(a1, k2, s.c);
    kbClock.set(t("2026-03-03T11:00:00Z"));
    kb.feedback(Actor.endUser("u2"), k1, true, "worked");
    kbClock.set(t("2026-03-03T11:05:00Z"));
    kb.feedback(Actor.endUser("u3"), k1, false, "");
    kbClock.set(t("2026-03-04T12:00:00Z"));
    kb.draft(s1, content("Switch port RMA"), "");

    action(new PreventiveActionOpened("P1", 1, t("2026-02-20T10:00:00Z"), "l1", "R1",
        "Monitor the ERP cluster", "s1", "net", t("2026-03-03T18:00:00Z"), Optional.empty()));
    action(new PreventiveActionOpened("P2", 1, t("2026-02-20T10:00:00Z"), "l1", "R1",
        "Document the restart", "a1", "desk", t("2026-03-03T12:00:00Z"), Optional.empty()),
        new PreventiveActionCompleted("P2", 2, t("2026-03-05T10:00:00Z"), "a1", "SOP-12"));
    action(new PreventiveActionOpened("P3", 1, t("2026-02-20T10:00:00Z"), "l1", "R1",
        "Replace the switch", "s2", "net", t("2026-03-06T00:00:00Z"), Optional.empty()),
        new PreventiveActionRescheduled("P3", 2, t("2026-03-05T09:00:00Z"), "s2",
            t("2026-03-20T00:00:00Z"), "vendor late"));
    action(new PreventiveActionOpened("P4", 1, t("2026-02-20T10:00:00Z"), "l1", "R1",
        "Dropped idea", "a1", "desk", t("2026-03-01T00:00:00Z"), Optional.empty()),
        new PreventiveActionCancelled("P4", 2, t("2026-03-02T10:00:00Z"), "l1", "superseded"));
  }

  private static Instant t(String s) {
    return Instant.parse(s);
  }

  private static ArticleContent content(String title) {
    return ArticleContent.of(ArticleKind.HOW_TO, Audience.PUBLIC,
        ArticleText.of("en", title, title + " in detail", "Do this"));
  }

  private String publish(Actor author, String at) {
    kbClock.set(t(at));
    KnowledgeArticle a = kb.draft(author, content("How to " + at), "");
    kb.submitForReview(author, a.id());
    kbClock.set(t(at).plus(Duration.ofMinutes(30)));
    return kb.review(REVIEWER, a.id(), Verdict.APPROVE, "ok").id();
  }

  private void survey(String id, String incident, String sent, String answered, int overall) {
    List<SurveyEvent> events = new ArrayList<>();
    events.add(new SurveySent(id, 1, t(sent), "system", incident, "u", Optional.of("x"),
        Optional.empty(), Optional.empty(), 0, SurveyChannel.EMAIL,
        Questionnaire.defaults().questions(), t(sent).plus(Duration.ofDays(14)),
        Provenance.system("test"), List.of()));
    if (answered != null) {
      events.add(new SurveyAnswered(id, 2, t(answered), "u", Map.of(Questionnaire.OVERALL,
          overall), ""));
    }
    surveys.append(0, events, SurveyHistory.replay(events));
  }

  private void action(PreventiveActionEvent... events) {
    List<PreventiveActionEvent> list = List.of(events);
    actions.append(0, list, PreventiveActionHistory.replay(list));
  }

  private Stores stores() {
    return Stores.none().with(IncidentRepository.class, s.repository)
        .with(SurveyRepository.class, surveys)
        .with(KnowledgeRepository.class, articles)
        .with(PreventiveActionRepository.class, actions);
  }

  private static GroupMetrics group(MetricsReport r, String value) {
    return r.groups().stream().filter(g -> g.key().containsValue(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no group " + value + " in " + r.groups()));
  }

  @Test
  void csat_countsAnswersInThePeriod_andResponseRateTheSurveysSentInIt() {
    GroupMetrics t = Metrics.compute(stores(), week, 1).total();
    // answers in the period: S1 5, S2 2, S4 4, S6 3 (S5's answer is after the end)
    assertThat(t.rate(Metric.CSAT)).isEqualTo(new MetricValue.Rate(2, 4));
    assertThat(t.mean(Metric.CSAT_SCORE)).isEqualTo(new MetricValue.Mean(14, 4));
    // sent in the period: S1, S2 (answered by the end), S3, S5 (not)
    assertThat(t.rate(Metric.SURVEY_RESPONSE_RATE)).isEqualTo(new MetricValue.Rate(2, 4));
  }

  @Test
  void csat_byTeam_takesTheIncidentsTeam_evenForAnIncidentClosedBeforeThePeriod() {
    MetricsReport r = Metrics.compute(stores(), week.withBy(Dimension.TEAM), 1);
    // (none): A's S1 (5) and S4 of an incident the store does not have (4)
    assertThat(group(r, Dimension.NONE).rate(Metric.CSAT)).isEqualTo(new MetricValue.Rate(2, 2));
    // net: B's S2 (2); C's S3 sent, not answered
    assertThat(group(r, "net").rate(Metric.CSAT)).isEqualTo(new MetricValue.Rate(0, 1));
    assertThat(group(r, "net").rate(Metric.SURVEY_RESPONSE_RATE))
        .isEqualTo(new MetricValue.Rate(1, 2));
    // desk: X's S6 (3), D's S5 sent and answered after the end
    assertThat(group(r, "desk").mean(Metric.CSAT_SCORE)).isEqualTo(new MetricValue.Mean(3, 1));
    assertThat(group(r, "desk").rate(Metric.SURVEY_RESPONSE_RATE))
        .isEqualTo(new MetricValue.Rate(0, 1));
  }

  @Test
  void csat_byDay_countsEachAnswerOnItsOwnDay() {
    MetricsReport r = Metrics.compute(stores(), week.withBy(Dimension.DAY), 1);
    assertThat(group(r, "2026-03-02").rate(Metric.CSAT)).isEqualTo(new MetricValue.Rate(1, 2));
    assertThat(group(r, "2026-03-03").rate(Metric.CSAT)).isEqualTo(new MetricValue.Rate(1, 1));
    assertThat(group(r, "2026-03-04").rate(Metric.CSAT)).isEqualTo(new MetricValue.Rate(0, 1));
  }

  @Test
  void knowledge_contributionsPerAuthor_andUseInTheIncidentsGroups() {
    GroupMetrics t = Metrics.compute(stores(), week, 1).total();
    assertThat(t.count(Metric.ARTICLES_DRAFTED)).isEqualTo(2);   // K1 a1, K3 s1 (K2 before)
    assertThat(t.count(Metric.ARTICLES_PUBLISHED)).isEqualTo(1); // K1
    assertThat(t.count(Metric.ARTICLES_SUGGESTED)).isEqualTo(1);
    assertThat(t.count(Metric.ARTICLES_OPENED)).isEqualTo(1);
    assertThat(t.count(Metric.ARTICLES_USED)).isEqualTo(2);      // K1 for B, K2 for C
    assertThat(t.count(Metric.ARTICLES_HELPED)).isEqualTo(1);
    // resolved A, B, C; an article was used for B and C
    assertThat(t.rate(Metric.KNOWLEDGE_USE_RATE)).isEqualTo(new MetricValue.Rate(2, 3));

    MetricsReport byAgent = Metrics.compute(stores(), week.withBy(Dimension.ASSIGNEE), 1);
    assertThat(group(byAgent, "a1").count(Metric.ARTICLES_DRAFTED)).isEqualTo(1);
    assertThat(group(byAgent, "a1").count(Metric.ARTICLES_PUBLISHED)).isEqualTo(1);
    assertThat(group(byAgent, "s1").count(Metric.ARTICLES_DRAFTED)).isEqualTo(1);
    assertThat(group(byAgent, "s1").count(Metric.ARTICLES_PUBLISHED)).isEqualTo(0);

    MetricsReport byTeam = Metrics.compute(stores(), week.withBy(Dimension.TEAM), 1);
    GroupMetrics net = group(byTeam, "net");
    assertThat(net.count(Metric.ARTICLES_USED)).isEqualTo(2);
    assertThat(net.rate(Metric.KNOWLEDGE_USE_RATE)).isEqualTo(new MetricValue.Rate(2, 2));
    assertThat(group(byTeam, Dimension.NONE).rate(Metric.KNOWLEDGE_USE_RATE))
        .isEqualTo(new MetricValue.Rate(0, 1));                  // A
  }

  @Test
  void overdueActions_atTheEnd_byTeamAndOwner() {
    GroupMetrics t = Metrics.compute(stores(), week, 1).total();
    assertThat(t.count(Metric.OVERDUE_ACTIONS)).isEqualTo(1);    // P1
    // Mon 9 Mar 00:00 - Tue 3 Mar 18:00 = 5 d 6 h
    assertThat(t.durations(Metric.OVERDUE_ACTION_AGE).max()).isEqualTo(Duration.ofHours(126));
    MetricsReport byOwner = Metrics.compute(stores(), week.withBy(Dimension.TEAM,
        Dimension.ASSIGNEE), 1);
    assertThat(byOwner.groups().stream()
        .filter(g -> g.count(Metric.OVERDUE_ACTIONS) > 0)
        .map(g -> g.key().values().toString() + "=" + g.count(Metric.OVERDUE_ACTIONS)))
        .containsExactly("[net, s1]=1");
  }

  @Test
  void overdueActions_byDay_areTakenAtEachDaysEnd() {
    MetricsReport r = Metrics.compute(stores(), week.withBy(Dimension.DAY), 1);
    assertThat(group(r, "2026-03-02").count(Metric.OVERDUE_ACTIONS)).isEqualTo(0);
    assertThat(group(r, "2026-03-03").count(Metric.OVERDUE_ACTIONS)).isEqualTo(2); // P1, P2
    assertThat(group(r, "2026-03-03").durations(Metric.OVERDUE_ACTION_AGE).mean())
        .isEqualTo(Duration.ofHours(9));                                          // 6 h, 12 h
    assertThat(group(r, "2026-03-04").count(Metric.OVERDUE_ACTIONS)).isEqualTo(2);
    assertThat(group(r, "2026-03-05").count(Metric.OVERDUE_ACTIONS)).isEqualTo(1); // P2 done
    assertThat(group(r, "2026-03-08").count(Metric.OVERDUE_ACTIONS)).isEqualTo(1);
  }

  @Test
  void twoThreads_giveTheSameReport() {
    MetricsQuery q = week.withBy(Dimension.TEAM);
    assertThat(Metrics.compute(stores(), q, 2)).isEqualTo(Metrics.compute(stores(), q, 1));
  }

  @Test
  void withoutTheirStores_thePracticesMetricsAreLeftOut_notZero() {
    GroupMetrics t = Metrics.compute(Stores.none().with(IncidentRepository.class, s.repository),
        week, 1).total();
    assertThat(t.value(Metric.CSAT)).isEmpty();
    assertThat(t.value(Metric.KNOWLEDGE_USE_RATE)).isEmpty();
    assertThat(t.value(Metric.OVERDUE_ACTIONS)).isEmpty();
    assertThat(t.count(Metric.RESOLVED)).isEqualTo(3);
    assertThatThrownBy(() -> t.rate(Metric.CSAT)).hasMessageContaining("need their stores");
  }

  @Test
  void withoutIncidents_isRefused_namingWhatTheStoresHold() {
    assertThatThrownBy(() -> Metrics.compute(Stores.none().with(SurveyRepository.class, surveys),
        week, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("IncidentRepository")
        .hasMessageContaining("SurveyRepository");
  }
}
