package io.itsm.examples.bench;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.keywords.KeywordDictionary;
import io.itsm.rules.keywords.KeywordHit;
import io.itsm.rules.keywords.KeywordMatcher;
import io.itsm.rules.keywords.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The default triage packs written by hand in plain Java: the baseline the Drools engine is
 * measured against.
 *
 * <p>It normalizes and matches the text exactly as {@link TriageEngine} does (the same {@link
 * TextNormalizer} and {@link KeywordMatcher}, one pass), then makes the decisions of {@code
 * categorize.drl}, {@code prioritize.drl}, {@code route.drl} and {@code approval.drl} with ifs,
 * switches and hash lookups. The result equals the engine's for the default packs: the same
 * winning decisions with the same rule names and reasons, the same overruled decisions in the same
 * order, and the same fired rules. {@code HandWrittenTriageTest} checks this on the 5,000 tickets
 * of {@link io.itsm.rules.testkit.TicketGenerator}.
 *
 * <p>It ignores business hours and the clock because no default rule reads them. It does not
 * support team rules, {@code withoutPack} or {@code withoutRule}: it is a benchmark baseline, not
 * an engine. The one kind of team rule it has an equivalent for is the generated rule of {@link
 * ColdStart#teamRules(int)}, which tags tickets by the caller's department: {@link
 * #withDepartmentTags(Map)} (a map lookup in the route stage) makes the same decisions.
 *
 * <p>Immutable and thread-safe.
 */
public final class HandWrittenTriage implements TriagePolicy {

  private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

  // positions of the routing rules in package io.itsm.rules: categorize.drl declares 4 rules,
  // prioritize.drl 14, then route.drl these three (checked by TeamRulesBaselineTest)
  private static final int EACH_CATEGORY_POSITION = 18;
  private static final int WITHOUT_TEAM_POSITION = 19;
  private static final int UNCATEGORIZED_POSITION = 20;

  private final KeywordMatcher matcher;
  private final TeamMap teams;
  private final int affectedUsersThreshold;
  private final Set<String> criticalCis;
  private final Set<String> criticalServices;
  private final Map<String, DepartmentTag> departmentTags;

  /**
   * What a team rule tagging one department decides: the rule's name, the tag and the reason,
   * and where the rule is declared in its package (0 for the first rule), which decides whether it
   * fires before or after the default routing rule of the same stage.
   *
   * @param rule the rule name
   * @param tag the tag
   * @param reason the reason
   * @param position the rule's position in its package, from 0
   */
  public record DepartmentTag(String rule, String tag, String reason, int position) {
    /**
     * Checks that no component is null and the position is not negative.
     *
     * @param rule the rule name
     * @param tag the tag
     * @param reason the reason
     * @param position the rule's position in its package, from 0
     * @throws IllegalArgumentException if the position is negative
     */
    public DepartmentTag {
      if (position < 0) {
        throw new IllegalArgumentException("position must be at least 0, but was " + position);
      }
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Creates the baseline with the engine's defaults and the given configuration.
   *
   * @param keywords the dictionary
   * @param teams the routing data
   * @param affectedUsersThreshold from this many affected users on impact is HIGH
   * @param criticalCis business-critical configuration items
   * @param criticalServices business-critical services
   */
  public HandWrittenTriage(
      KeywordDictionary keywords,
      TeamMap teams,
      int affectedUsersThreshold,
      Set<String> criticalCis,
      Set<String> criticalServices) {
    this.matcher = KeywordMatcher.of(Objects.requireNonNull(keywords, "keywords"));
    this.teams = Objects.requireNonNull(teams, "teams");
    this.affectedUsersThreshold = affectedUsersThreshold;
    this.criticalCis = Set.copyOf(criticalCis);
    this.criticalServices = Set.copyOf(criticalServices);
    this.departmentTags = Map.of();
  }

  private HandWrittenTriage(HandWrittenTriage base, Map<String, DepartmentTag> departmentTags) {
    this.matcher = base.matcher;
    this.teams = base.teams;
    this.affectedUsersThreshold = base.affectedUsersThreshold;
    this.criticalCis = base.criticalCis;
    this.criticalServices = base.criticalServices;
    this.departmentTags = Map.copyOf(departmentTags);
  }

  /**
   * Returns a copy that also tags tickets by the caller's department, as team rules (precedence
   * {@link TriageEngine#TEAM_RULE_PRECEDENCE}) of the route stage would: the hand-written
   * equivalent of {@link ColdStart#teamRules(int)} is {@link ColdStart#teamTags(int)}.
   *
   * @param departmentTags department → what its rule decides
   * @return the copy
   */
  public HandWrittenTriage withDepartmentTags(Map<String, DepartmentTag> departmentTags) {
    return new HandWrittenTriage(this, Objects.requireNonNull(departmentTags, "departmentTags"));
  }

  /**
   * Creates the baseline with the default dictionary, team map and threshold.
   *
   * @param criticalCis business-critical configuration items
   * @param criticalServices business-critical services
   * @return the baseline
   */
  public static HandWrittenTriage withDefaults(Set<String> criticalCis, Set<String> criticalServices) {
    return new HandWrittenTriage(
        KeywordDictionary.defaults(),
        TeamMap.defaults(),
        TriageEngine.DEFAULT_AFFECTED_USERS_THRESHOLD,
        criticalCis,
        criticalServices);
  }

  @Override
  public TriageResult triage(Ticket ticket) {
    Objects.requireNonNull(ticket, "ticket");
    List<KeywordHit> hits =
        matcher.match(NORMALIZER.normalize(ticket.title() + "\n" + ticket.description()));
    Run run = new Run();

    // ---- categorize ----
    // rank 1 category: most hits, ties by first occurrence (hits come in text order)
    KeywordHit firstOfTop = null;
    int topCount = 0;
    if (!hits.isEmpty()) {
      List<String> cats = new ArrayList<>(4);
      List<KeywordHit> firsts = new ArrayList<>(4);
      List<int[]> counts = new ArrayList<>(4);
      for (KeywordHit h : hits) {
        int i = cats.indexOf(h.category());
        if (i < 0) {
          cats.add(h.category());
          firsts.add(h);
          counts.add(new int[] {1});
        } else {
          counts.get(i)[0]++;
        }
      }
      for (int i = 0; i < cats.size(); i++) {
        if (counts.get(i)[0] > topCount) {
          topCount = counts.get(i)[0];
          firstOfTop = firsts.get(i);
        }
      }
    }
    boolean serviceRequest = ticket.type() == IncidentType.SERVICE_REQUEST;
    String category = null;
    if (firstOfTop != null) {
      category = firstOfTop.category();
      run.decide(
          "The category with the most keyword hits wins",
          TriageAttribute.CATEGORY,
          category,
          topCount + (topCount == 1 ? " keyword hit" : " keyword hits") + ", first '"
              + firstOfTop.term() + "' (" + firstOfTop.language() + ")");
    }
    if (serviceRequest) {
      category = "service-request";
      run.decide(
          "Service requests are categorized as service requests",
          TriageAttribute.CATEGORY,
          category,
          "the ticket is a service request");
    } else if (hits.isEmpty()) {
      category = "other";
      run.decide(
          "Tickets without keywords are Other", TriageAttribute.CATEGORY, category, "no keyword matched");
    }

    // ---- subcategorize ----
    String subcategory = null;
    if (category != null) {
      List<String> subs = new ArrayList<>(4);
      List<KeywordHit> firsts = new ArrayList<>(4);
      List<int[]> counts = new ArrayList<>(4);
      for (KeywordHit h : hits) {
        if (h.subcategory().isEmpty() || !h.category().equals(category)) {
          continue;
        }
        int i = subs.indexOf(h.subcategory());
        if (i < 0) {
          subs.add(h.subcategory());
          firsts.add(h);
          counts.add(new int[] {1});
        } else {
          counts.get(i)[0]++;
        }
      }
      int best = -1;
      for (int i = 0; i < subs.size(); i++) {
        if (best < 0 || counts.get(i)[0] > counts.get(best)[0]) {
          best = i;
        }
      }
      if (best >= 0) {
        int n = counts.get(best)[0];
        subcategory = subs.get(best);
        run.decide(
            "The subcategory with the most keyword hits in the category wins",
            TriageAttribute.SUBCATEGORY,
            subcategory,
            n + (n == 1 ? " keyword hit" : " keyword hits") + " in " + category + ", first '"
                + firsts.get(best).term() + "'");
      }
    }

    // ---- assess ----
    Impact reportedImpact = ticket.impact().orElse(null);
    Urgency reportedUrgency = ticket.urgency().orElse(null);
    Impact impact;
    if (reportedImpact != null) {
      impact = reportedImpact;
      run.decide("Reported impact stands", TriageAttribute.IMPACT, impact, "as reported");
    } else {
      impact = Impact.MEDIUM;
      run.decide(
          "Unknown impact is medium", TriageAttribute.IMPACT, Impact.MEDIUM, "not reported: assumed medium");
    }
    Urgency urgency;
    if (reportedUrgency != null) {
      urgency = reportedUrgency;
      run.decide("Reported urgency stands", TriageAttribute.URGENCY, urgency, "as reported");
    } else {
      urgency = Urgency.MEDIUM;
      run.decide(
          "Unknown urgency is medium",
          TriageAttribute.URGENCY,
          Urgency.MEDIUM,
          "not reported: assumed medium");
    }
    if (reportedImpact != Impact.HIGH) {
      if (ticket.affectedUsers() >= affectedUsersThreshold) {
        impact = Impact.HIGH;
        run.atLeast(
            "Many affected users mean high impact",
            TriageAttribute.IMPACT,
            Impact.HIGH,
            ticket.affectedUsers() + " users affected (threshold " + affectedUsersThreshold
                + "): whole-service outage");
      }
      String ci = ticket.configurationItem().orElse(null);
      if (ci != null && criticalCis.contains(ci)) {
        impact = Impact.HIGH;
        run.atLeast(
            "Business-critical configuration items mean high impact",
            TriageAttribute.IMPACT,
            Impact.HIGH,
            "configuration item " + ci + " is business-critical");
      }
      String service = ticket.service().orElse(null);
      if (service != null && criticalServices.contains(service)) {
        impact = Impact.HIGH;
        run.atLeast(
            "Business-critical services mean high impact",
            TriageAttribute.IMPACT,
            Impact.HIGH,
            "service " + service + " is business-critical");
      }
    }

    // ---- prioritize: the ServiceNow matrix ----
    Priority matrix = matrix(impact, urgency);
    String matrixRule =
        switch (matrix) {
          case P1 -> "High impact and high urgency make P1";
          case P2 -> "High impact with medium urgency, or medium impact with high urgency, make P2";
          case P3 -> "Medium impact and urgency, or high against low, make P3";
          default -> "Low against medium or low make P4";
        };
    run.decide(
        matrixRule,
        TriageAttribute.PRIORITY,
        matrix,
        matrix == Priority.P1
            ? "impact HIGH x urgency HIGH"
            : "impact " + impact + " x urgency " + urgency);
    Priority priority = matrix;
    if (urgency == Urgency.LOW
        && ("consulting".equals(category)
            || ("service-request".equals(category) && "information".equals(subcategory)))) {
      priority = Priority.P5;
      run.decide(
          "Informational requests of low urgency are P5",
          TriageAttribute.PRIORITY,
          Priority.P5,
          "informational (" + category + ") with low urgency");
    }

    // ---- adjust: both modifiers read the priority of the prioritize stage ----
    Priority assessed = priority;
    Caller caller = ticket.caller().orElse(null);
    if (caller != null && caller.vip() && assessed != Priority.P1) {
      priority = assessed.raised();
      run.atLeast(
          "VIP callers raise the priority one level",
          TriageAttribute.PRIORITY,
          priority,
          "VIP caller " + caller.id() + ": raised from " + assessed);
    }
    if ("security".equals(category)
        && (assessed == Priority.P3 || assessed == Priority.P4 || assessed == Priority.P5)) {
      priority = Priority.P2;
      run.atLeast(
          "Security incidents are never below P2",
          TriageAttribute.PRIORITY,
          Priority.P2,
          "security category: raised from " + assessed);
    }

    // ---- route ----
    // Drools fires the activations of one stage that have equal salience in the order their rules
    // are declared in their package: a team rule declared at position p of its package fires
    // before the routing rule declared at position q of io.itsm.rules when p < q.
    DepartmentTag tag = null;
    if (!departmentTags.isEmpty() && caller != null && caller.department().isPresent()) {
      tag = departmentTags.get(caller.department().get());
    }
    String team;
    String routeRule;
    String routeReason;
    int routePosition;
    if (category == null) {
      team = teams.fallbackTeam();
      routeRule = "Uncategorized tickets go to the service desk";
      routeReason = "no category";
      routePosition = UNCATEGORIZED_POSITION;
    } else if (teams.hasTeamFor(category)) {
      team = teams.teamOrFallback(category);
      routeRule = "Each category goes to its team";
      routeReason = "category " + category;
      routePosition = EACH_CATEGORY_POSITION;
    } else {
      team = teams.fallbackTeam();
      routeRule = "Categories without a team go to the service desk";
      routeReason = "no team for category " + category;
      routePosition = WITHOUT_TEAM_POSITION;
    }
    if (tag != null && tag.position() < routePosition) {
      run.tag(tag.rule(), tag.tag(), tag.reason());
    }
    run.decide(routeRule, TriageAttribute.TEAM, team, routeReason);
    run.level(teams, team);
    if (tag != null && tag.position() >= routePosition) {
      run.tag(tag.rule(), tag.tag(), tag.reason());
    }
    SupportLevel routedLevel = teams.supportLevelOf(team);

    // ---- dispatch: both rules read the team and level of the route stage ----
    String language = caller == null ? null : caller.language().orElse(null);
    if (teams.isFallbackTeam(team) && teams.hasLanguageTeam(language)) {
      String desk = teams.languageTeam(language).orElseThrow();
      run.decide(
          "Service desk tickets go to the caller's language desk",
          TriageAttribute.TEAM,
          desk,
          "the caller speaks " + language);
      run.level(teams, desk);
    }
    if (priority == Priority.P1 && routedLevel == SupportLevel.L1) {
      run.atLeast("P1 pages L2", TriageAttribute.SUPPORT_LEVEL, SupportLevel.L2, "P1 pages the second line");
    }

    // ---- approve ----
    if (priority == Priority.P1 || priority == Priority.P2) {
      run.decide(
          "Resolving a P1 or P2 incident needs a manager's approval",
          TriageAttribute.APPROVAL_REQUIRED,
          true,
          "priority " + priority);
    }
    if ("security".equals(category)) {
      run.decide(
          "Resolving a security incident needs a manager's approval",
          TriageAttribute.APPROVAL_REQUIRED,
          true,
          "security category");
    }
    return run.result();
  }

  private static Priority matrix(Impact impact, Urgency urgency) {
    int score = rank(impact) + rank(urgency); // HIGH 0, MEDIUM 1, LOW 2
    return switch (score) {
      case 0 -> Priority.P1;
      case 1 -> Priority.P2;
      case 2 -> Priority.P3;
      default -> Priority.P4;
    };
  }

  private static int rank(Enum<?> level) {
    return switch (level.name()) {
      case "HIGH" -> 0;
      case "MEDIUM" -> 1;
      default -> 2;
    };
  }

  /** The decisions and firings of one triage, resolved like the engine: later decision wins. */
  private static final class Run {
    private final List<TriageDecision> all = new ArrayList<>(16);
    private final List<String> fired = new ArrayList<>(12);
    private String lastRule;

    void decide(String rule, TriageAttribute attribute, Object value, String reason) {
      add(rule, attribute, value, reason, TriageDecision.Effect.SET);
    }

    /** A bound, as the default modifiers decide them: raises the value, never lowers it. */
    void atLeast(String rule, TriageAttribute attribute, Object value, String reason) {
      add(rule, attribute, value, reason, TriageDecision.Effect.AT_LEAST);
    }

    private void add(
        String rule, TriageAttribute attribute, Object value, String reason,
        TriageDecision.Effect effect) {
      if (rule != lastRule) {
        fired.add(rule);
        lastRule = rule;
      }
      all.add(new TriageDecision(
          attribute, value, rule, reason, TriageEngine.DEFAULT_RULE_PRECEDENCE, effect));
    }

    void tag(String rule, String tag, String reason) {
      if (rule != lastRule) {
        fired.add(rule);
        lastRule = rule;
      }
      all.add(
          new TriageDecision(TriageAttribute.TAG, tag, rule, reason, TriageEngine.TEAM_RULE_PRECEDENCE));
    }

    /** The support-level decision that every routing rule makes right after the team. */
    void level(TeamMap teams, String team) {
      all.add(
          new TriageDecision(
              TriageAttribute.SUPPORT_LEVEL,
              teams.supportLevelOf(team),
              lastRule,
              "the level of " + team,
              TriageEngine.DEFAULT_RULE_PRECEDENCE));
    }

    TriageResult result() {
      // the engine's rule of precedence: set values of equal precedence, the later wins; bounds
      // then raise the winner
      return TriageResult.resolve(all, fired);
    }
  }
}
