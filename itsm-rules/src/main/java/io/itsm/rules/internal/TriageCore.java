package io.itsm.rules.internal;

import io.itsm.core.access.Actor;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.ReportedValues;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.RuleExecutionException;
import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.facts.ActiveAnnouncement;
import io.itsm.rules.facts.CiImpact;
import io.itsm.rules.facts.KnowledgeMatch;
import io.itsm.rules.facts.KnowledgeSettings;
import io.itsm.rules.facts.MajorIncidentSuspect;
import io.itsm.rules.facts.Prediction;
import io.itsm.rules.facts.PredictionSettings;
import io.itsm.rules.facts.SimilarIncident;
import io.itsm.rules.facts.TicketFact;
import io.itsm.rules.facts.TriageSettings;
import io.itsm.rules.keywords.KeywordDictionary;
import io.itsm.rules.keywords.KeywordHit;
import io.itsm.rules.keywords.KeywordMatcher;
import io.itsm.rules.keywords.TextNormalizer;
import io.itsm.rules.predict.Predictor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One compiled rule set of a {@link TriageEngine} with everything its triages need: the rules,
 * the keyword matcher, the data the facts are made of, the worker, the fire counts. The engine
 * holds one and swaps it on reload; what it does is documented on {@link TriageEngine}.
 *
 * <p>Thread-safe.
 */
public final class TriageCore {

  /** How many tickets of a bulk triage are prepared and handed to the rule worker at once. */
  private static final int BULK_CHUNK = 64;

  private static final TextNormalizer NORMALIZER = TextNormalizer.standard();
  /** The resource of a default pack (no {@code String.format}: its parser is a cost of a cold start). */
  private static String packResource(String pack) {
    return "io/itsm/rules/".concat(pack).concat(".drl");
  }

  /** Runs the matcher's build beside the rules' on a daemon thread of its own, then ends it. */
  private static final Executor STARTER = task -> {
    Thread t = new Thread(task, "itsm-triage-start");
    t.setDaemon(true);
    t.start();
  };

  private final TriageSpec spec;
  private final DroolsRules rules;
  private final KeywordMatcher matcher;
  private final int maxFirings;
  private final Map<String, LongAdder> fireCounts;
  private final Inserts inserts;
  private final DroolsRules.Triages triages;
  private final RuleRunner runner;
  private final AtomicLong runs = new AtomicLong();
  private final List<Predictor> predictors;
  private final Map<String, CiImpactOf> ciImpacts = new ConcurrentHashMap<>();

  private TriageCore(TriageSpec spec, DroolsRules rules, KeywordMatcher matcher,
      Inserts inserts, DroolsRules.Triages triages, RuleRunner runner) {
    this.spec = spec;
    this.rules = rules;
    this.matcher = matcher;
    this.maxFirings = spec.rules.maxRuleFirings;
    this.inserts = inserts;
    this.triages = triages;
    this.runner = runner;
    this.predictors = List.copyOf(spec.predictors);
    Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    for (String name : rules.ruleNames()) {
      counts.put(name, new LongAdder());
    }
    this.fireCounts = counts;
  }

  /**
   * Compiles the rules of a spec and prepares what triages need.
   *
   * @param spec the spec, held (give a copy)
   * @param previous the runner of the rules in force, kept when its settings are unchanged, or
   *     null
   * @return the compiled rule set
   * @throws io.itsm.rules.RuleCompilationException if the rules do not compile or touch what they
   *     may not
   * @throws io.itsm.core.ValidationException if a file cannot be read or a left-out rule does not
   *     exist
   */
  public static TriageCore compile(TriageSpec spec, RuleRunner previous) {
    ClassLoader loader = TriageEngine.class.getClassLoader();
    List<RuleSource> defaults = new ArrayList<>();
    for (String pack : TriageEngine.DEFAULT_PACKS) {
      if (spec.packs.contains(pack)) {
        defaults.add(RuleSource.classpath(packResource(pack), loader));
      }
    }
    if (spec.predictPack && (!spec.predictors.isEmpty() || spec.similar != null)) {
      defaults.add(RuleSource.classpath(
          packResource(TriageEngine.PACK_PREDICT), loader));
    }
    if (spec.cmdb != null && spec.cmdbPack) {
      defaults.add(RuleSource.classpath(
          packResource(TriageEngine.PACK_CMDB), loader));
    }
    if (spec.announcements != null && spec.announcementsPack) {
      defaults.add(RuleSource.classpath(
          packResource(TriageEngine.PACK_ANNOUNCEMENTS), loader));
    }
    if (spec.knowledgePack && spec.knowledge != null) {
      defaults.add(RuleSource.classpath(
          packResource(TriageEngine.PACK_KNOWLEDGE), loader));
    }
    // the keyword matcher (dictionary, stems) and the rule base are independent: the matcher is
    // built on another thread while this one compiles or reads back the rules
    CompletableFuture<KeywordMatcher> matcher = CompletableFuture.supplyAsync(() -> {
      KeywordMatcher m =
          KeywordMatcher.of(spec.keywords == null ? KeywordDictionary.defaults() : spec.keywords);
      if (spec.teams == null) {
        TeamMap.defaults(); // read once per JVM: here rather than after the rules
      }
      return m;
    }, STARTER);
    PackSpec r = spec.rules;
    DroolsRules rules = DroolsRules.compile(defaults, r.teamSources(), r.withoutRules,
        TriageEngine.STAGES, TriageEngine.DEFAULT_RULE_PRECEDENCE,
        TriageEngine.TEAM_RULE_PRECEDENCE,
        new DroolsRules.Options(DroolsRules.DECISIONS_GLOBAL,
            io.itsm.rules.facts.RuleDecisions.class, r.trusted, r.cache()));
    KeywordMatcher keywordMatcher = join(matcher);
    TeamMap teamMap = spec.teams == null ? TeamMap.defaults() : spec.teams;
    Inserts inserts = Inserts.of(rules);
    // facts of a type that no rule pattern can match are left out: they change no outcome
    List<Object> permanent = new ArrayList<>(2);
    if (inserts.settings) {
      permanent.add(new TriageSettings(spec.affectedUsersThreshold));
    }
    if (inserts.teams) {
      permanent.add(teamMap);
    }
    if (inserts.predictionSettings) {
      permanent.add(spec.predictionSettings);
    }
    if (inserts.knowledgeSettings && spec.knowledge != null) {
      permanent.add(spec.knowledgeSettings);
    }
    return new TriageCore(spec, rules, keywordMatcher, inserts,
        rules.triages(permanent), r.runner(previous, !rules.teamRuleNames().isEmpty()));
  }

  /** Waits for what another thread builds, rethrowing its failure as it was thrown. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * Returns the spec this rule set was compiled from (not to be changed: copy it).
   *
   * @return the spec
   */
  public TriageSpec spec() {
    return spec;
  }

  /**
   * Returns the compiled rules.
   *
   * @return the rules
   */
  public DroolsRules rules() {
    return rules;
  }

  /**
   * Returns the worker the rules fire on.
   *
   * @return the runner
   */
  public RuleRunner runner() {
    return runner;
  }

  /**
   * Returns the live fire counts by rule name.
   *
   * @return the counts
   */
  public Map<String, LongAdder> fireCounts() {
    return fireCounts;
  }

  /**
   * Triages one ticket.
   *
   * @param ticket the trusted ticket
   * @param reported what was reported
   * @return the result
   * @throws RuleExecutionException if rule code fails, the firing limit is reached, the time
   *     budget runs out or too many earlier triages are stuck
   */
  public TriageResult triage(Ticket ticket, ReportedValues reported) {
    List<Object> facts = facts(ticket, reported);
    // the settings and the team map are the same for every triage: the runner inserts them
    String id = ticket.id().orElse(null);
    TriageResult result = runner.run(id, runs.get() < RuleRunner.WARMUP_RUNS,
        watch -> triages.run(id, facts, maxFirings, watch),
        watch -> rules.timeout(id, watch, runner.budget(), "triage"));
    counted(result);
    return result;
  }

  /**
   * Triages many tickets, in chunks of {@value #BULK_CHUNK} handed to the worker at once.
   *
   * @param batch the tickets, none null
   * @return one outcome per ticket, in order
   * @throws RuleExecutionException if the calling thread is interrupted while the rules run
   */
  public List<TriageOutcome> triageAll(Ticket[] batch) {
    List<TriageOutcome> out = new ArrayList<>(batch.length);
    // in chunks: the facts of a chunk are prepared, then its rules fire in one hand-over, so
    // what one ticket touches is still in the processor's caches when its rules run
    for (int from = 0; from < batch.length; from += BULK_CHUNK) {
      int n = Math.min(BULK_CHUNK, batch.length - from);
      String[] ids = new String[n];
      List<List<Object>> facts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Ticket t = batch[from + i];
        ids[i] = t.id().orElse(null);
        facts.add(facts(t, ReportedValues.trusted(t)));
      }
      long runsBefore = runs.get();
      Object[] results = runner.runAll(n, i -> ids[i],
          i -> runsBefore + i < RuleRunner.WARMUP_RUNS,
          (i, watch) -> triages.run(ids[i], facts.get(i), maxFirings, watch),
          (i, watch) -> rules.timeout(ids[i], watch, runner.budget(), "triage"));
      for (int i = 0; i < n; i++) {
        if (results[i] instanceof TriageResult r) {
          counted(r);
          out.add(new TriageOutcome.Triaged(batch[from + i], r));
        } else {
          counted(null);
          out.add(new TriageOutcome.Failed(batch[from + i], (RuleExecutionException) results[i]));
        }
      }
    }
    return out;
  }

  /** The facts of one triage, besides the settings and the team map that the runner inserts. */
  private List<Object> facts(Ticket ticket, ReportedValues reported) {
    List<KeywordHit> hits =
        matcher.match(NORMALIZER.normalize(ticket.title() + "\n" + ticket.description()));
    Instant openedAt = ticket.openedAt().orElseGet(spec.clock::instant);
    List<Object> facts = new ArrayList<>(8 + hits.size());
    // facts of a type that no rule pattern can match are left out: they change no outcome
    if (inserts.ticket) {
      facts.add(
          TicketFact.of(
              ticket,
              reported,
              openedAt,
              ticket.configurationItem().map(spec.criticalCis::contains).orElse(false),
              ticket.service().map(spec.criticalServices::contains).orElse(false),
              spec.businessHours.test(openedAt)));
    }
    KeywordFacts.addTo(hits, facts, inserts.keywordHits);
    if (inserts.predictions) {
      for (Predictor p : predictors) {
        facts.addAll(p.predict(ticket));
      }
    }
    if (spec.knowledge != null && inserts.knowledgeMatches) {
      facts.addAll(spec.knowledge.matches(ticket, spec.knowledgeMatches));
    }
    if (spec.similar != null) {
      if (inserts.similarIncidents) {
        facts.addAll(spec.similar.similar(ticket, spec.similarCount));
      }
      if (inserts.majorIncidents) {
        spec.similar.majorIncident(ticket, openedAt).ifPresent(facts::add);
      }
    }
    if (spec.cmdb != null && inserts.ciImpact) {
      addCiImpact(ticket, facts);
    }
    if (spec.announcements != null && inserts.activeAnnouncements) {
      for (Announcement a : spec.announcements.activeFor(ticket.service().orElse(null),
          ticket.configurationItem().orElse(null), openedAt)) {
        facts.add(ActiveAnnouncement.of(a));
      }
    }
    return facts;
  }

  /** Counts a run toward the warm-up and the fire counts of its rules (none for a failure). */
  private void counted(TriageResult result) {
    if (runs.get() < RuleRunner.WARMUP_RUNS) {
      runs.incrementAndGet();
    }
    if (result == null) {
      return;
    }
    for (String rule : result.firedRules()) {
      LongAdder counter = fireCounts.get(rule);
      if (counter != null) {
        counter.increment();
      }
    }
  }

  /**
   * The ticket's configuration item, else its service when the CMDB knows it as an item. The fact
   * of an analysis is made once: the CMDB returns the same analysis object until it changes.
   */
  private void addCiImpact(Ticket ticket, List<Object> facts) {
    Actor system = Actor.system();
    var ci = ticket.configurationItem().flatMap(id -> spec.cmdb.impactIfKnown(system, id));
    if (ci.isPresent()) {
      facts.add(ciImpact(ci.get(), false));
      return;
    }
    ticket.service().flatMap(id -> spec.cmdb.impactIfKnown(system, id))
        .ifPresent(a -> facts.add(ciImpact(a, true)));
  }

  private CiImpact ciImpact(ImpactAnalysis a, boolean fromService) {
    String key = a.failed().id() + (fromService ? "\u0000s" : "");
    CiImpactOf known = ciImpacts.get(key);
    if (known != null && known.analysis == a) {
      return known.fact;
    }
    CiImpact fact = CiImpact.of(a, fromService);
    if (ciImpacts.size() >= 10_000) {
      ciImpacts.clear();
    }
    ciImpacts.put(key, new CiImpactOf(a, fact));
    return fact;
  }

  /** A fact and the analysis (by identity) it was made from. */
  private record CiImpactOf(ImpactAnalysis analysis, CiImpact fact) {}

  /** Which of the per-triage facts some rule pattern can match, so they are worth inserting. */
  private record Inserts(
      boolean ticket,
      boolean settings,
      boolean teams,
      boolean keywordHits,
      boolean predictions,
      boolean predictionSettings,
      boolean similarIncidents,
      boolean majorIncidents,
      boolean ciImpact,
      boolean activeAnnouncements,
      boolean knowledgeMatches,
      boolean knowledgeSettings) {
    static Inserts of(DroolsRules rules) {
      return new Inserts(
          rules.canMatch(TicketFact.class),
          rules.canMatch(TriageSettings.class),
          rules.canMatch(TeamMap.class),
          rules.canMatch(KeywordHit.class),
          rules.canMatch(Prediction.class),
          rules.canMatch(PredictionSettings.class),
          rules.canMatch(SimilarIncident.class),
          rules.canMatch(MajorIncidentSuspect.class),
          rules.canMatch(CiImpact.class),
          rules.canMatch(ActiveAnnouncement.class),
          rules.canMatch(KnowledgeMatch.class),
          rules.canMatch(KnowledgeSettings.class));
    }
  }
}
