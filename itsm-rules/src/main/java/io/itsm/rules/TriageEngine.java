package io.itsm.rules;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.ReportedValues;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.facts.ActiveAnnouncement;
import io.itsm.rules.facts.CiImpact;
import io.itsm.rules.facts.MajorIncidentSuspect;
import io.itsm.rules.facts.KnowledgeMatch;
import io.itsm.rules.facts.KnowledgeSettings;
import io.itsm.rules.facts.Prediction;
import io.itsm.rules.facts.PredictionSettings;
import io.itsm.rules.facts.SimilarIncident;
import io.itsm.rules.facts.TicketFact;
import io.itsm.rules.facts.TriageSettings;
import io.itsm.rules.internal.CompiledRulesCache;
import io.itsm.rules.internal.DroolsRules;
import io.itsm.rules.internal.KeywordFacts;
import io.itsm.rules.internal.RuleRunner;
import io.itsm.rules.internal.RuleSource;
import io.itsm.rules.keywords.KeywordDictionary;
import io.itsm.rules.knowledge.KnowledgeIndex;
import io.itsm.rules.keywords.KeywordHit;
import io.itsm.rules.keywords.KeywordMatcher;
import io.itsm.rules.keywords.TextNormalizer;
import io.itsm.rules.predict.Predictor;
import io.itsm.rules.predict.SimilarIncidents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Triages tickets with Drools rules: the default packs ({@value #PACK_CATEGORIZE}, {@value
 * #PACK_PRIORITIZE}, {@value #PACK_ROUTE}, {@value #PACK_APPROVAL}) plus your own rule files.
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder()
 *     .addRulesDirectory(Path.of("rules"))        // your *.drl files
 *     .withoutRule("VIP callers raise the priority one level")
 *     .build();
 * TriageResult result = engine.triage(ticket);
 * result.team();                                 // Optional[network-ops]
 * result.decision(TriageAttribute.TEAM);         // ... by 'Each category goes to its team'
 * }</pre>
 *
 * <h2>Stages</h2>
 *
 * Rules run in the stages of {@link #STAGES}, each a {@code ruleflow-group}: {@code categorize}
 * (category), {@code subcategorize}, {@code assess} (impact, urgency), {@code prioritize} (the
 * impact × urgency matrix), {@code adjust} (priority modifiers), {@code route} (team, support
 * level), {@code dispatch} (refinements of the route) and {@code approve}. After each stage the
 * winning decisions so far become the {@link io.itsm.rules.facts.DecidedSoFar} fact, which later stages
 * read. Within a stage, salience orders the rules.
 *
 * <h2>Precedence</h2>
 *
 * Every decision carries the precedence of its rule: the rule's {@code @precedence(n)} annotation
 * if present, else {@value #TEAM_RULE_PRECEDENCE} for your rules and {@value
 * #DEFAULT_RULE_PRECEDENCE} for the default packs. Per attribute the set value of the highest
 * precedence wins; among equal precedence the <em>later</em> decision wins. Bounds ({@code
 * decide.atLeast(Priority.P2, ...)}, {@code decide.atMost(...)}) then raise or lower the winning
 * value, never the other way, if their precedence is not below its own; the bound of the highest
 * precedence has the last word. So a rule meant to raise never lowers, and the default modifiers
 * (themselves bounds) do not move a value your rule set. The candidates that made no value are
 * kept in {@link TriageResult#overruled()}; see {@link TriageResult} for the whole rule.
 *
 * <h2>Predictions and similar incidents</h2>
 *
 * With {@link Builder#model(Predictor)} each triage also gets the model's {@link Prediction}
 * facts, and with {@link Builder#similarIncidents(SimilarIncidents)} the most similar past
 * incidents and, when several similar open incidents share the ticket's service or configuration
 * item, a {@link MajorIncidentSuspect}. Either loads the default pack {@value #PACK_PREDICT},
 * which accepts confident predictions by the thresholds of {@link
 * Builder#predictionSettings(PredictionSettings)}; predictions never decide by themselves.
 *
 * <h2>Knowledge</h2>
 *
 * With {@link Builder#knowledge(KnowledgeIndex)} each triage gets the published knowledge
 * articles that best match the ticket as {@link KnowledgeMatch} facts (kind, score, title,
 * workaround, the matched words), and the default pack {@value #PACK_KNOWLEDGE} keeps a ticket
 * whose best match is a known error with a workaround at the service desk (L1), to reply with the
 * workaround.
 *
 * <h2>Trust</h2>
 *
 * Your rule files are code running inside your application, so the engine contains them:
 *
 * <ul>
 *   <li><b>What rule code may touch</b> is checked when the rules are compiled, before any of it
 *       runs: our fact and decision types, {@code java.lang} strings, maths and boxing, {@code
 *       java.math}, {@code java.time}, {@code java.util} collections, streams and regular
 *       expressions. {@code System}, {@code Runtime}, threads, files, the network, reflection and
 *       class loading are refused as a {@link RuleCompilationException} naming the file, the line
 *       and the member ({@code team.drl:12:?: rule "x" calls java.lang.System.exit(int), which
 *       rule code may not use; ...}). {@link Builder#trustRules()} turns the check off for rule
 *       files you trust as your own code.
 *   <li><b>A time budget</b> per triage ({@link Builder#timeBudget(Duration)}, default {@link
 *       #DEFAULT_TIME_BUDGET}): rules fire on a worker thread; past the budget the triage fails
 *       with a {@link RuleExecutionException} naming the rule that was running, the session is
 *       halted and the caller goes on. A consequence that never returns keeps its worker busy
 *       (Java cannot stop it); after {@link Builder#maxStuckRuns(int)} such runs the engine
 *       refuses new triages until one returns.
 *   <li><b>Every failure is one exception</b>: whatever rule code throws, {@code
 *       StackOverflowError} and {@code OutOfMemoryError} included, or a loop past {@link
 *       Builder#maxRuleFirings(int)}, reaches the caller as a {@link RuleExecutionException} with
 *       the rule and, where known, the file and line of the failing code. No partial result.
 * </ul>
 *
 * <p>Each triage runs in a session of its own, reused from a small pool: the triage's facts are
 * deleted when it is done (the settings and the team map stay, when no rule can fire on them
 * alone), and a session that failed or holds anything else is discarded. {@link #reload()}
 * compiles off the request path and swaps atomically; a failed reload keeps the current rules;
 * concurrent reloads run one after the other, so none is lost.
 *
 * <p>Thread-safe.
 */
public final class TriageEngine implements TriagePolicy {

  /** The default pack that decides category and subcategory. */
  public static final String PACK_CATEGORIZE = "categorize";

  /** The default pack that decides impact, urgency and priority. */
  public static final String PACK_PRIORITIZE = "prioritize";

  /** The default pack that decides team and support level. */
  public static final String PACK_ROUTE = "route";

  /** The default pack that decides whether the resolution needs approval. */
  public static final String PACK_APPROVAL = "approval";

  /**
   * The default pack that decides from the CMDB ({@link io.itsm.rules.facts.CiImpact}): impact of
   * business-critical items and wide blast radius, routing to the item's support team. Loaded only
   * when the engine has a {@linkplain Builder#cmdb(Cmdb) CMDB}.
   */
  public static final String PACK_CMDB = "cmdb";

  /**
   * The default pack that decides from active announcements ({@link
   * io.itsm.rules.facts.ActiveAnnouncement}): a ticket about a known outage is of low urgency and
   * tagged. Loaded only when the engine has {@linkplain Builder#announcements(Announcements)
   * announcements}.
   */
  public static final String PACK_ANNOUNCEMENTS = "announcements";

  /**
   * The default pack that decides from learned predictions and similar incidents; loaded only when
   * the engine has a {@linkplain Builder#model(Predictor) model} or {@linkplain
   * Builder#similarIncidents(SimilarIncidents) similar-incident index}.
   */
  public static final String PACK_PREDICT = "predict";

  /** The default packs loaded only when the engine has what they decide from, in file order. */
  public static final List<String> OPTIONAL_PACKS = List.of(PACK_PREDICT, PACK_CMDB, PACK_ANNOUNCEMENTS);
  /**
   * The default pack that decides from matched knowledge articles (a known error with a
   * workaround stays with the service desk); loaded only when the engine has a {@linkplain
   * Builder#knowledge(KnowledgeIndex) knowledge index}.
   */
  public static final String PACK_KNOWLEDGE = "knowledge";

  /** How many matching knowledge articles become facts by default. */
  public static final int DEFAULT_KNOWLEDGE_MATCHES = 3;

  /** How many similar past incidents become facts by default. */
  public static final int DEFAULT_SIMILAR_INCIDENTS = 5;

  /** The default packs, in file order. */
  public static final List<String> DEFAULT_PACKS =
      List.of(PACK_CATEGORIZE, PACK_PRIORITIZE, PACK_ROUTE, PACK_APPROVAL);

  /** The stages (ruleflow-groups) in firing order. */
  public static final List<String> STAGES =
      List.of(
          "categorize", "subcategorize", "assess", "prioritize", "adjust", "route", "dispatch",
          "approve");

  /** The precedence of default-pack rules without {@code @precedence}. */
  public static final int DEFAULT_RULE_PRECEDENCE = 0;

  /** The precedence of your rules without {@code @precedence}. */
  public static final int TEAM_RULE_PRECEDENCE = 100;

  /** The default number of affected users from which impact is HIGH. */
  public static final int DEFAULT_AFFECTED_USERS_THRESHOLD = 50;

  /** The default firing limit per triage. */
  public static final int DEFAULT_MAX_RULE_FIRINGS = 10_000;

  /** The default time budget of one triage: 200 ms. */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(200);

  /**
   * The system property that replaces {@link #DEFAULT_TIME_BUDGET} for every engine built
   * without {@code timeBudget(..)}, in milliseconds: for operators of a machine that is known to
   * be slow or overloaded (the project's own build sets it for its test JVMs).
   */
  public static final String TIME_BUDGET_PROPERTY = "itsm.rules.timeBudgetMillis";

  /**
   * Returns the time budget of an engine built without {@code timeBudget(..)}: the system property
   * {@value #TIME_BUDGET_PROPERTY} when set, else {@link #DEFAULT_TIME_BUDGET}.
   *
   * @return the budget
   * @throws ValidationException if the property is set but not a positive whole number of
   *     milliseconds
   */
  public static Duration defaultTimeBudget() {
    String value = System.getProperty(TIME_BUDGET_PROPERTY);
    if (value == null || value.isBlank()) {
      return DEFAULT_TIME_BUDGET;
    }
    try {
      long millis = Long.parseLong(value.strip());
      if (millis > 0) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ValidationException("system property " + TIME_BUDGET_PROPERTY + " must be a positive"
        + " whole number of milliseconds, such as 200, but was '" + value + "'");
  }

  /** The default number of stuck runs from which new triages are refused. */
  public static final int DEFAULT_MAX_STUCK_RUNS = 4;

  /** The default business hours: Monday to Friday, 08:00 to 18:00 UTC. */
  public static final Predicate<Instant> DEFAULT_BUSINESS_HOURS =
      weekdays(ZoneOffset.UTC, LocalTime.of(8, 0), LocalTime.of(18, 0));

  private static final String PACK_RESOURCE = "io/itsm/rules/%s.drl";
  private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

  private final AtomicReference<State> state;
  private final Object reloads = new Object();

  private TriageEngine(State initial) {
    this.state = new AtomicReference<>(initial);
  }

  /**
   * Returns an engine with the default packs, keywords and teams.
   *
   * @return a new engine
   */
  public static TriageEngine withDefaults() {
    return builder().build();
  }

  /**
   * Starts configuring an engine; every default pack is on.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Triages a ticket, trusted as given: its impact, urgency and caller facts are the trusted
   * values, and also the reported ones ({@code TicketFact.reportedImpact} equals {@code impact}).
   *
   * @param ticket the ticket
   * @return the winning decisions, the overruled ones and the rules that fired
   * @throws RuleExecutionException if rule code throws anything (errors included), the firing
   *     limit is reached, the time budget runs out, or too many earlier triages are stuck
   */
  @Override
  public TriageResult triage(Ticket ticket) {
    Objects.requireNonNull(ticket, "ticket");
    return triage(ticket, ReportedValues.trusted(ticket));
  }

  /**
   * Triages a ticket the desk sorted into trusted and reported values: rules see the trusted
   * ticket in {@code TicketFact}, and the reported impact and urgency as {@code reportedImpact}
   * and {@code reportedUrgency} (see {@link TicketFact}).
   *
   * @param ticket the trusted ticket
   * @param reported what was reported
   * @return the winning decisions, the overruled ones and the rules that fired
   * @throws RuleExecutionException if a rule throws or the firing limit is reached
   */
  @Override
  public TriageResult triage(Ticket ticket, ReportedValues reported) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(reported, "reported");
    State s = state.get();
    List<Object> facts = facts(s, ticket, reported);
    // the settings and the team map are the same for every triage: the runner inserts them
    String id = ticket.id().orElse(null);
    TriageResult result = s.runner.run(id, s.runs.get() < RuleRunner.WARMUP_RUNS,
        watch -> s.triages.run(id, facts, s.maxFirings, watch),
        watch -> s.rules.timeout(id, watch, s.runner.budget(), "triage"));
    counted(s, 1, result);
    return result;
  }

  /**
   * Triages many tickets, trusted as given, with one hand-over to the rule worker for the whole
   * batch instead of one per ticket; returns one outcome per ticket, in order. Each ticket runs
   * exactly as in {@link #triage(Ticket)} — the same facts, a kept session of its own, the same
   * stages — so decisions, explanations, overruled candidates and fired rules are identical, and
   * so is each failure: a ticket on which a rule throws, loops or runs past its budget gets the
   * {@link RuleExecutionException} {@link #triage(Ticket)} would have thrown, and the next
   * ticket goes on.
   *
   * <p><b>Time budget</b>: each ticket has the {@linkplain Builder#timeBudget(Duration) budget
   * of one triage}, counted from when its rules start firing (the first from the hand-over). A
   * ticket past its budget is abandoned as in {@link #triage(Ticket)} — its session halted, its
   * worker interrupted, the {@code RuleExecutionException} naming the ticket and the rule that
   * was running — and the tickets after it continue on a new worker; stuck runs count toward
   * {@link Builder#maxStuckRuns(int)}, past which the remaining tickets are refused, each with
   * its own exception.
   *
   * <p>The tickets go to the worker in chunks of 64 (what one ticket touches stays in the
   * processor's caches until its rules run). The whole batch runs on the rules in force when it
   * starts; a {@link #reload()} meanwhile
   * applies from the next call. Keyword matching and the facts are prepared in the calling
   * thread, the rules fire on one worker: for throughput on several cores, call from several
   * threads (or use {@link #triageAll(java.util.stream.Stream, int)} per thread).
   *
   * @param tickets the tickets; none null
   * @return one outcome per ticket, in the order of {@code tickets}
   * @throws NullPointerException if {@code tickets} or one of them is null
   * @throws RuleExecutionException if the calling thread is interrupted while the rules run
   */
  @Override
  public List<TriageOutcome> triageAll(List<Ticket> tickets) {
    Objects.requireNonNull(tickets, "tickets");
    Ticket[] batch = tickets.toArray(new Ticket[0]);
    for (Ticket t : batch) {
      Objects.requireNonNull(t, "ticket");
    }
    State s = state.get();
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
        facts.add(facts(s, t, ReportedValues.trusted(t)));
      }
      long runsBefore = s.runs.get();
      Object[] results = s.runner.runAll(n, i -> ids[i],
          i -> runsBefore + i < RuleRunner.WARMUP_RUNS,
          (i, watch) -> s.triages.run(ids[i], facts.get(i), s.maxFirings, watch),
          (i, watch) -> s.rules.timeout(ids[i], watch, s.runner.budget(), "triage"));
      for (int i = 0; i < n; i++) {
        if (results[i] instanceof TriageResult r) {
          counted(s, 1, r);
          out.add(new TriageOutcome.Triaged(batch[from + i], r));
        } else {
          counted(s, 1, null);
          out.add(new TriageOutcome.Failed(batch[from + i], (RuleExecutionException) results[i]));
        }
      }
    }
    return out;
  }

  /** How many tickets of a bulk triage are prepared and handed to the rule worker at once. */
  private static final int BULK_CHUNK = 64;

  /** The facts of one triage, besides the settings and the team map that the runner inserts. */
  private static List<Object> facts(State s, Ticket ticket, ReportedValues reported) {
    List<KeywordHit> hits =
        s.matcher.match(NORMALIZER.normalize(ticket.title() + "\n" + ticket.description()));
    Instant openedAt = ticket.openedAt().orElseGet(s.clock::instant);
    List<Object> facts = new ArrayList<>(8 + hits.size());
    // facts of a type that no rule pattern can match are left out: they change no outcome
    if (s.inserts.ticket) {
      facts.add(
          TicketFact.of(
              ticket,
              reported,
              openedAt,
              ticket.configurationItem().map(s.criticalCis::contains).orElse(false),
              ticket.service().map(s.criticalServices::contains).orElse(false),
              s.businessHours.test(openedAt)));
    }
    KeywordFacts.addTo(hits, facts, s.inserts.keywordHits);
    if (s.inserts.predictions) {
      for (Predictor p : s.predictors) {
        facts.addAll(p.predict(ticket));
      }
    }
    if (s.knowledge != null && s.inserts.knowledgeMatches) {
      facts.addAll(s.knowledge.index().matches(ticket, s.knowledge.count()));
    }
    if (s.similar != null) {
      if (s.inserts.similarIncidents) {
        facts.addAll(s.similar.similar(ticket, s.similarCount));
      }
      if (s.inserts.majorIncidents) {
        s.similar.majorIncident(ticket, openedAt).ifPresent(facts::add);
      }
    }
    if (s.cmdb != null && s.inserts.ciImpact) {
      addCiImpact(s, ticket, facts);
    }
    if (s.announcements != null && s.inserts.activeAnnouncements) {
      for (Announcement a : s.announcements.activeFor(ticket.service().orElse(null),
          ticket.configurationItem().orElse(null), openedAt)) {
        facts.add(ActiveAnnouncement.of(a));
      }
    }
    return facts;
  }

  /** Counts a run toward the warm-up and the fire counts of its rules (none for a failure). */
  private static void counted(State s, int runs, TriageResult result) {
    if (s.runs.get() < RuleRunner.WARMUP_RUNS) {
      s.runs.addAndGet(runs);
    }
    if (result == null) {
      return;
    }
    for (String rule : result.firedRules()) {
      LongAdder counter = s.fireCounts.get(rule);
      if (counter != null) {
        counter.increment();
      }
    }
  }

  /**
   * The ticket's configuration item, else its service when the CMDB knows it as an item. The fact
   * of an analysis is made once: the CMDB returns the same analysis object until it changes.
   */
  private static void addCiImpact(State s, Ticket ticket, List<Object> facts) {
    Actor system = Actor.system();
    var ci = ticket.configurationItem().flatMap(id -> s.cmdb.impactIfKnown(system, id));
    if (ci.isPresent()) {
      facts.add(ciImpact(s, ci.get(), false));
      return;
    }
    ticket.service().flatMap(id -> s.cmdb.impactIfKnown(system, id))
        .ifPresent(a -> facts.add(ciImpact(s, a, true)));
  }

  private static CiImpact ciImpact(State s, ImpactAnalysis a, boolean fromService) {
    String key = a.failed().id() + (fromService ? "\u0000s" : "");
    CiImpactOf known = s.ciImpacts.get(key);
    if (known != null && known.analysis == a) {
      return known.fact;
    }
    CiImpact fact = CiImpact.of(a, fromService);
    if (s.ciImpacts.size() >= 10_000) {
      s.ciImpacts.clear();
    }
    s.ciImpacts.put(key, new CiImpactOf(a, fact));
    return fact;
  }

  /** A fact and the analysis (by identity) it was made from. */
  private record CiImpactOf(ImpactAnalysis analysis, CiImpact fact) {}

  /**
   * Recompiles the current rule set (re-reading rule files) and swaps it in atomically. In-flight
   * triages finish on the old rules.
   *
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   * @throws ValidationException if a file cannot be read; the current rules keep serving
   */
  public void reload() {
    reload(b -> {});
  }

  /**
   * Builds a new rule set from a copy of the current configuration changed by {@code changes},
   * and swaps it in atomically. Fire counts restart at zero.
   *
   * <pre>{@code
   * engine.reload(b -> b.addRules(Path.of("rules/new.drl")));
   * }</pre>
   *
   * <p>Reloads are serialized: a reload starts from the configuration the previous one left,
   * so concurrent reloads each add their change and none is lost.
   *
   * @param changes changes to a copy of the current builder
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   * @throws ValidationException if the configuration is invalid; the current rules keep serving
   */
  public void reload(Consumer<Builder> changes) {
    Objects.requireNonNull(changes, "changes");
    synchronized (reloads) {
      State current = state.get();
      Builder copy = current.spec.copy();
      changes.accept(copy);
      State next = copy.compile(current.runner);
      state.set(next);
    }
  }

  /**
   * Returns the names of all loaded rules.
   *
   * @return an immutable, sorted list
   */
  public List<String> ruleNames() {
    return state.get().rules.ruleNames();
  }

  /**
   * Returns the names of the loaded rules that come from your rule files, not the default packs.
   *
   * @return an immutable, sorted list
   */
  public List<String> teamRuleNames() {
    return state.get().rules.teamRuleNames();
  }

  /**
   * Returns how often each loaded rule fired since this rule set was built or reloaded, zero for
   * rules that never fired: the raw material of rule coverage.
   *
   * @return an immutable snapshot, sorted by rule name
   */
  public Map<String, Long> ruleFireCounts() {
    Map<String, Long> out = new TreeMap<>();
    state.get().fireCounts.forEach((k, v) -> out.put(k, v.sum()));
    return Map.copyOf(out);
  }

  /**
   * Returns what the compiled-rules cache ({@link Builder#compiledRulesCache(Path)}) did when the
   * rules in force were compiled (at {@link Builder#build()} or the last {@link #reload()}).
   *
   * @return the outcome; {@link RuleCacheOutcome#NOT_USED} without a cache or without team rules
   */
  public RuleCacheOutcome ruleCacheOutcome() {
    return state.get().rules.cacheOutcome();
  }

  /**
   * Returns why the compiled-rules cache did what it did, for logs: the file it loaded, or why a
   * stored set was not trusted (damaged, written by another library or Drools version) or could
   * not be stored.
   *
   * @return the detail
   */
  public String ruleCacheDetail() {
    return state.get().rules.cacheDetail();
  }

  /**
   * Returns the precedence of each loaded rule.
   *
   * @return rule name → precedence
   */
  public Map<String, Integer> rulePrecedences() {
    return Map.copyOf(state.get().rules.precedences());
  }

  @Override
  public String toString() {
    return "TriageEngine{" + ruleNames().size() + " rules}";
  }

  /**
   * Returns a business-hours predicate for weekdays (Monday to Friday) in a zone.
   *
   * @param zone the zone
   * @param start the opening time, inclusive
   * @param end the closing time, exclusive
   * @return the predicate
   * @throws ValidationException if {@code start} is not before {@code end}
   */
  public static Predicate<Instant> weekdays(ZoneId zone, LocalTime start, LocalTime end) {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new ValidationException(
          "business hours start must be before end, but was " + start + " to " + end);
    }
    return instant -> {
      ZonedDateTime t = instant.atZone(zone);
      DayOfWeek d = t.getDayOfWeek();
      LocalTime time = t.toLocalTime();
      return d != DayOfWeek.SATURDAY
          && d != DayOfWeek.SUNDAY
          && !time.isBefore(start)
          && time.isBefore(end);
    };
  }

  private record State(
      Builder spec,
      DroolsRules rules,
      KeywordMatcher matcher,
      TeamMap teams,
      TriageSettings settings,
      Set<String> criticalCis,
      Set<String> criticalServices,
      Predicate<Instant> businessHours,
      Clock clock,
      int maxFirings,
      Map<String, LongAdder> fireCounts,
      Inserts inserts,
      DroolsRules.Triages triages,
      RuleRunner runner,
      java.util.concurrent.atomic.AtomicLong runs,
      List<Predictor> predictors,
      SimilarIncidents similar,
      int similarCount,
      Cmdb cmdb,
      Announcements announcements,
      Map<String, CiImpactOf> ciImpacts,
      Knowledge knowledge) {}

  /** The knowledge index of an engine, how many matches become facts, and the pack's settings. */
  private record Knowledge(KnowledgeIndex index, int count, KnowledgeSettings settings) {}

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

  /**
   * Configures a {@link TriageEngine}. Rule files given as paths are read at {@link #build()} and
   * again at each {@link TriageEngine#reload()}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private final Set<String> packs = new LinkedHashSet<>(DEFAULT_PACKS);
    private final Set<String> withoutRules = new LinkedHashSet<>();
    private final List<RuleSource> sources = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();
    private KeywordDictionary keywords;
    private TeamMap teams;
    private int affectedUsersThreshold = DEFAULT_AFFECTED_USERS_THRESHOLD;
    private Set<String> criticalCis = Set.of();
    private Set<String> criticalServices = Set.of();
    private Predicate<Instant> businessHours = DEFAULT_BUSINESS_HOURS;
    private Clock clock = Clock.systemUTC();
    private int maxRuleFirings = DEFAULT_MAX_RULE_FIRINGS;
    private Duration timeBudget = defaultTimeBudget();
    private int maxStuckRuns = DEFAULT_MAX_STUCK_RUNS;
    private boolean trusted;
    private final List<Predictor> predictors = new ArrayList<>();
    private PredictionSettings predictionSettings = PredictionSettings.DEFAULTS;
    private SimilarIncidents similar;
    private int similarCount = DEFAULT_SIMILAR_INCIDENTS;
    private boolean predictPack = true;
    private Path compiledRulesCache;
    private Cmdb cmdb;
    private Announcements announcements;
    private boolean cmdbPack = true;
    private boolean announcementsPack = true;
    private Knowledge knowledge;
    private boolean knowledgePack = true;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.packs.clear();
      b.packs.addAll(packs);
      b.withoutRules.addAll(withoutRules);
      b.sources.addAll(sources);
      b.directories.addAll(directories);
      b.keywords = keywords;
      b.teams = teams;
      b.affectedUsersThreshold = affectedUsersThreshold;
      b.criticalCis = criticalCis;
      b.criticalServices = criticalServices;
      b.businessHours = businessHours;
      b.clock = clock;
      b.maxRuleFirings = maxRuleFirings;
      b.timeBudget = timeBudget;
      b.maxStuckRuns = maxStuckRuns;
      b.trusted = trusted;
      b.predictors.addAll(predictors);
      b.predictionSettings = predictionSettings;
      b.similar = similar;
      b.similarCount = similarCount;
      b.predictPack = predictPack;
      b.compiledRulesCache = compiledRulesCache;
      b.cmdb = cmdb;
      b.announcements = announcements;
      b.cmdbPack = cmdbPack;
      b.announcementsPack = announcementsPack;
      b.knowledge = knowledge;
      b.knowledgePack = knowledgePack;
      return b;
    }

    /**
     * Leaves out a default pack.
     *
     * @param pack one of {@link #DEFAULT_PACKS}, {@link #PACK_PREDICT}, {@link #PACK_CMDB},
     *     {@link #PACK_ANNOUNCEMENTS} or {@link #PACK_KNOWLEDGE}
     * @return this builder
     * @throws ValidationException if {@code pack} is not a default pack
     */
    public Builder withoutPack(String pack) {
      Objects.requireNonNull(pack, "pack");
      if (setOptionalPack(pack, false)) {
        return this;
      }
      if (pack.equals(PACK_KNOWLEDGE)) {
        knowledgePack = false;
        return this;
      }
      if (!DEFAULT_PACKS.contains(pack)) {
        throw new ValidationException(
            "pack must be one of " + DEFAULT_PACKS + " or " + OPTIONAL_PACKS + ", but was '" + pack
                + "'");
      }
      packs.remove(pack);
      return this;
    }

    /**
     * Turns a default pack back on (for {@link TriageEngine#reload(Consumer)}).
     *
     * @param pack one of {@link #DEFAULT_PACKS}, {@link #PACK_PREDICT}, {@link #PACK_CMDB} or
     *     {@link #PACK_ANNOUNCEMENTS}
     * @return this builder
     * @throws ValidationException if {@code pack} is not a default pack
     */
    public Builder withPack(String pack) {
      Objects.requireNonNull(pack, "pack");
      if (setOptionalPack(pack, true)) {
        return this;
      }
      if (pack.equals(PACK_KNOWLEDGE)) {
        knowledgePack = true;
        return this;
      }
      if (!DEFAULT_PACKS.contains(pack)) {
        throw new ValidationException(
            "pack must be one of " + DEFAULT_PACKS + " or " + OPTIONAL_PACKS + ", but was '" + pack
                + "'");
      }
      packs.add(pack);
      return this;
    }

    private boolean setOptionalPack(String pack, boolean on) {
      if (pack.equals(PACK_PREDICT)) {
        predictPack = on;
        return true;
      }
      if (pack.equals(PACK_CMDB)) {
        cmdbPack = on;
        return true;
      }
      if (pack.equals(PACK_ANNOUNCEMENTS)) {
        announcementsPack = on;
        return true;
      }
      return false;
    }

    /**
     * Gives rules the CMDB: each triage gets a {@link CiImpact} fact for the ticket's configuration
     * item (else its service, when that is an item), and the {@value #PACK_CMDB} pack is loaded
     * (unless left out): business-critical items and failures reaching business-critical or three
     * or more services raise impact to HIGH, and tickets about an item go to its support team.
     *
     * <pre>{@code
     * TriageEngine engine = TriageEngine.builder().cmdb(cmdb).announcements(announcements).build();
     * }</pre>
     *
     * @param cmdb the CMDB; its impact analyses are cached until it changes
     * @return this builder
     */
    public Builder cmdb(Cmdb cmdb) {
      this.cmdb = Objects.requireNonNull(cmdb, "cmdb");
      return this;
    }

    /**
     * Gives rules the active announcements: each triage gets an {@link ActiveAnnouncement} fact per
     * announcement active when the ticket was opened that concerns its service or item, and the
     * {@value #PACK_ANNOUNCEMENTS} pack is loaded (unless left out): a known outage lowers urgency
     * and tags the ticket {@code known-outage}.
     *
     * @param announcements the announcements
     * @return this builder
     */
    public Builder announcements(Announcements announcements) {
      this.announcements = Objects.requireNonNull(announcements, "announcements");
      return this;
    }

    /**
     * Leaves out one loaded rule, by its exact name. {@link #build()} fails if no loaded rule has
     * that name.
     *
     * @param ruleName the rule's name, for example {@code "VIP callers raise the priority one
     *     level"}
     * @return this builder
     */
    public Builder withoutRule(String ruleName) {
      withoutRules.add(Objects.requireNonNull(ruleName, "ruleName"));
      return this;
    }

    /**
     * Adds a rule file.
     *
     * @param file a {@code .drl} file
     * @return this builder
     */
    public Builder addRules(Path file) {
      sources.add(RuleSource.file(Objects.requireNonNull(file, "file")));
      return this;
    }

    /**
     * Adds every {@code *.drl} file of a directory (not its subdirectories), in name order. The
     * directory is listed again at each reload.
     *
     * @param dir the directory
     * @return this builder
     */
    public Builder addRulesDirectory(Path dir) {
      directories.add(Objects.requireNonNull(dir, "dir"));
      return this;
    }

    /**
     * Adds a rule file from the classpath of this library's class loader.
     *
     * @param resource the resource path, for example {@code "rules/team.drl"}
     * @return this builder
     */
    public Builder addClasspathRules(String resource) {
      Objects.requireNonNull(resource, "resource");
      sources.add(RuleSource.classpath(resource, TriageEngine.class.getClassLoader()));
      return this;
    }

    /**
     * Adds rules given as text.
     *
     * @param name the name used in error messages, for example {@code "team.drl"}
     * @param drl the DRL text
     * @return this builder
     */
    public Builder addRules(String name, String drl) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(drl, "drl");
      sources.add(RuleSource.text(name, drl));
      return this;
    }

    /**
     * Sets the keyword dictionary (default {@link KeywordDictionary#defaults()}).
     *
     * @param dictionary the dictionary
     * @return this builder
     */
    public Builder keywords(KeywordDictionary dictionary) {
      this.keywords = Objects.requireNonNull(dictionary, "dictionary");
      return this;
    }

    /**
     * Sets the routing data (default {@link TeamMap#defaults()}).
     *
     * @param teams the team map
     * @return this builder
     */
    public Builder teams(TeamMap teams) {
      this.teams = Objects.requireNonNull(teams, "teams");
      return this;
    }

    /**
     * Sets from how many affected users on impact is HIGH.
     *
     * @param threshold at least 1; default {@value #DEFAULT_AFFECTED_USERS_THRESHOLD}
     * @return this builder
     * @throws ValidationException if {@code threshold} is less than 1
     */
    public Builder affectedUsersThreshold(int threshold) {
      if (threshold < 1) {
        throw new ValidationException(
            "affectedUsersThreshold must be at least 1, but was " + threshold);
      }
      this.affectedUsersThreshold = threshold;
      return this;
    }

    /**
     * Sets the business-critical configuration items (impact HIGH).
     *
     * @param cis the CI names
     * @return this builder
     */
    public Builder criticalConfigurationItems(Set<String> cis) {
      this.criticalCis = Set.copyOf(cis);
      return this;
    }

    /**
     * Sets the business-critical services (impact HIGH).
     *
     * @param services the service names
     * @return this builder
     */
    public Builder criticalServices(Set<String> services) {
      this.criticalServices = Set.copyOf(services);
      return this;
    }

    /**
     * Sets the business hours used for {@code TicketFact.insideBusinessHours}.
     *
     * @param insideBusinessHours tells whether an instant is inside business hours; must be
     *     thread-safe
     * @return this builder
     */
    public Builder businessHours(Predicate<Instant> insideBusinessHours) {
      this.businessHours = Objects.requireNonNull(insideBusinessHours, "insideBusinessHours");
      return this;
    }

    /**
     * Sets weekday business hours (Monday to Friday) in a zone.
     *
     * @param zone the zone
     * @param start opening time, inclusive
     * @param end closing time, exclusive
     * @return this builder
     * @throws ValidationException if {@code start} is not before {@code end}
     */
    public Builder businessHours(ZoneId zone, LocalTime start, LocalTime end) {
      this.businessHours = weekdays(zone, start, end);
      return this;
    }

    /**
     * Sets the clock used when a ticket has no {@code openedAt} (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the firing limit per triage, against runaway rules.
     *
     * @param max at least 1; default {@value #DEFAULT_MAX_RULE_FIRINGS}
     * @return this builder
     * @throws ValidationException if {@code max} is less than 1
     */
    public Builder maxRuleFirings(int max) {
      if (max < 1) {
        throw new ValidationException("maxRuleFirings must be at least 1, but was " + max);
      }
      this.maxRuleFirings = max;
      return this;
    }

    /**
     * Sets the time budget of one triage (default {@link #defaultTimeBudget()}). Rules fire on a
     * worker thread; past the budget the triage fails with a {@link RuleExecutionException}
     * naming the rule that was running, and the caller goes on.
     *
     * @param budget positive
     * @return this builder
     * @throws ValidationException if {@code budget} is zero or negative
     */
    public Builder timeBudget(Duration budget) {
      Objects.requireNonNull(budget, "budget");
      if (budget.isZero() || budget.isNegative()) {
        throw new ValidationException("timeBudget must be positive, but was " + budget);
      }
      this.timeBudget = budget;
      return this;
    }

    /**
     * Fires rules in the caller's thread with no time budget: a little faster, but a consequence
     * that loops for ever then hangs the caller. For trusted rules only.
     *
     * @return this builder
     */
    public Builder withoutTimeBudget() {
      this.timeBudget = null;
      return this;
    }

    /**
     * Sets from how many stuck runs (consequences still running past their budget) new triages
     * are refused (default {@value #DEFAULT_MAX_STUCK_RUNS}). Each stuck run keeps a thread, and
     * for a busy loop a core, until its consequence returns.
     *
     * @param max at least 1
     * @return this builder
     * @throws ValidationException if {@code max} is less than 1
     */
    public Builder maxStuckRuns(int max) {
      if (max < 1) {
        throw new ValidationException("maxStuckRuns must be at least 1, but was " + max);
      }
      this.maxStuckRuns = max;
      return this;
    }

    /**
     * Trusts your rule files as your own code: their consequences, functions and conditions may
     * call any Java code (files, network, threads, reflection, {@code System}). Without this the
     * engine refuses, at compile time, rule code that touches more than our fact and decision
     * types, {@code java.lang} strings and maths, {@code java.time} and {@code java.util}
     * collections (see the class documentation). The time budget still applies.
     *
     * @return this builder
     */
    public Builder trustRules() {
      this.trusted = true;
      return this;
    }

    /**
     * Adds a model whose predictions become {@link Prediction} facts in every triage, and turns on
     * the {@value #PACK_PREDICT} pack (unless left out), which accepts them by the thresholds of
     * {@link #predictionSettings(PredictionSettings)}. Several models (for the category, the
     * team) may be added.
     *
     * <pre>{@code
     * TriageEngine engine = TriageEngine.builder()
     *     .model(TriageModel.read(Path.of("category.model")))
     *     .build();
     * }</pre>
     *
     * @param model the model; must be thread-safe
     * @return this builder
     */
    public Builder model(Predictor model) {
      predictors.add(Objects.requireNonNull(model, "model"));
      return this;
    }

    /**
     * Removes every model added with {@link #model(Predictor)} (for {@link
     * TriageEngine#reload(Consumer)}).
     *
     * @return this builder
     */
    public Builder withoutModels() {
      predictors.clear();
      return this;
    }

    /**
     * Sets the thresholds with which the {@value #PACK_PREDICT} pack accepts predictions
     * (default {@link PredictionSettings#DEFAULTS}); inserted as a fact, so your rules can read
     * them too.
     *
     * @param settings the thresholds
     * @return this builder
     */
    public Builder predictionSettings(PredictionSettings settings) {
      this.predictionSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets the index of past incidents: each triage gets the {@value #DEFAULT_SIMILAR_INCIDENTS}
     * most similar as {@link SimilarIncident} facts (when a rule reads them) and, when enough
     * similar open incidents share the ticket's service or configuration item, a {@link
     * MajorIncidentSuspect} fact. Turns on the {@value #PACK_PREDICT} pack (unless left out).
     *
     * @param index the index, shared and kept up to date by the application
     * @return this builder
     */
    public Builder similarIncidents(SimilarIncidents index) {
      return similarIncidents(index, DEFAULT_SIMILAR_INCIDENTS);
    }

    /**
     * Sets the index of past incidents and how many similar ones become facts.
     *
     * @param index the index
     * @param count how many similar incidents per triage, at least 0
     * @return this builder
     * @throws ValidationException if {@code count} is negative
     */
    public Builder similarIncidents(SimilarIncidents index, int count) {
      if (count < 0) {
        throw new ValidationException("count must be at least 0, but was " + count);
      }
      this.similar = Objects.requireNonNull(index, "index");
      this.similarCount = count;
      return this;
    }

    /**
     * Keeps compiled team rule sets in {@code directory} across JVM starts: a start (or {@link
     * TriageEngine#reload()}) whose rule files, library version and Drools version are exactly
     * those of a stored set reads the compiled set back instead of compiling the DRL. The checks
     * on your files (names, stages, what rule code may touch) run either way.
     *
     * <p>A stored set is verified before it is used (its key, length, SHA-256 digest, and that it
     * holds exactly the rules of the files); a damaged, foreign or stale set is never trusted:
     * the rules are compiled and the set is written anew ({@link
     * TriageEngine#ruleCacheOutcome()} says which happened). A directory that cannot be written
     * costs only the speed. The default packs alone need no cache: they come precompiled.
     *
     * <p>The directory holds compiled code: give it the protection of the rule files themselves.
     * Sets of rule files no longer in use are not deleted; removing the directory's files is
     * always safe.
     *
     * <pre>{@code
     * TriageEngine engine = TriageEngine.builder()
     *     .addRulesDirectory(Path.of("rules"))
     *     .compiledRulesCache(Path.of("/var/cache/itsm/rules"))
     *     .build();
     * }</pre>
     *
     * @param directory the directory, created when needed
     * @return this builder
     */
    public Builder compiledRulesCache(Path directory) {
      this.compiledRulesCache = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Sets the knowledge index: each triage gets the {@value #DEFAULT_KNOWLEDGE_MATCHES} published
     * articles that best match the ticket as {@link KnowledgeMatch} facts (when a rule reads
     * them), and the {@value #PACK_KNOWLEDGE} pack is turned on (unless left out).
     *
     * <pre>{@code
     * KnowledgeIndex index = KnowledgeIndex.inMemory();   // the index of your KnowledgeBase
     * TriageEngine engine = TriageEngine.builder().knowledge(index).build();
     * }</pre>
     *
     * @param index the index, kept current by the knowledge base
     * @return this builder
     */
    public Builder knowledge(KnowledgeIndex index) {
      return knowledge(index, DEFAULT_KNOWLEDGE_MATCHES, KnowledgeSettings.DEFAULTS);
    }

    /**
     * Sets the knowledge index, how many matches become facts, and the thresholds of the {@value
     * #PACK_KNOWLEDGE} pack (inserted as a {@link KnowledgeSettings} fact).
     *
     * @param index the index
     * @param matches how many matching articles per triage, at least 1
     * @param settings the thresholds
     * @return this builder
     * @throws ValidationException if {@code matches} is below 1
     */
    public Builder knowledge(KnowledgeIndex index, int matches, KnowledgeSettings settings) {
      if (matches < 1) {
        throw new ValidationException("matches must be at least 1, but was " + matches);
      }
      this.knowledge = new Knowledge(Objects.requireNonNull(index, "index"), matches,
          Objects.requireNonNull(settings, "settings"));
      return this;
    }

    /**
     * Compiles the rules and builds the engine.
     *
     * @return the engine
     * @throws RuleCompilationException if the rules do not compile, or touch what rule code may
     *     not (unless {@link #trustRules()})
     * @throws ValidationException if a file cannot be read or a left-out rule does not exist
     */
    public TriageEngine build() {
      return new TriageEngine(copy().compile(null));
    }

    private State compile(RuleRunner previous) {
      List<RuleSource> defaults = new ArrayList<>();
      for (String pack : DEFAULT_PACKS) {
        if (packs.contains(pack)) {
          defaults.add(
              RuleSource.classpath(
                  String.format(PACK_RESOURCE, pack), TriageEngine.class.getClassLoader()));
        }
      }
      if (predictPack && (!predictors.isEmpty() || similar != null)) {
        defaults.add(
            RuleSource.classpath(
                String.format(PACK_RESOURCE, PACK_PREDICT), TriageEngine.class.getClassLoader()));
      }
      if (cmdb != null && cmdbPack) {
        defaults.add(RuleSource.classpath(String.format(PACK_RESOURCE, PACK_CMDB),
            TriageEngine.class.getClassLoader()));
      }
      if (announcements != null && announcementsPack) {
        defaults.add(RuleSource.classpath(String.format(PACK_RESOURCE, PACK_ANNOUNCEMENTS),
            TriageEngine.class.getClassLoader()));
      }
      if (knowledgePack && knowledge != null) {
        defaults.add(
            RuleSource.classpath(
                String.format(PACK_RESOURCE, PACK_KNOWLEDGE), TriageEngine.class.getClassLoader()));
      }
      List<RuleSource> team = new ArrayList<>(sources);
      for (Path dir : directories) {
        team.addAll(RuleSource.directory(dir));
      }
      DroolsRules rules =
          DroolsRules.compile(
              defaults, team, withoutRules, STAGES, DEFAULT_RULE_PRECEDENCE, TEAM_RULE_PRECEDENCE,
              new DroolsRules.Options(DroolsRules.DECISIONS_GLOBAL,
                  io.itsm.rules.facts.RuleDecisions.class, trusted,
                  compiledRulesCache == null ? null : new CompiledRulesCache(compiledRulesCache)));
      Map<String, LongAdder> counts = new ConcurrentHashMap<>();
      for (String name : rules.ruleNames()) {
        counts.put(name, new LongAdder());
      }
      KeywordDictionary dictionary = keywords == null ? KeywordDictionary.defaults() : keywords;
      TeamMap teamMap = teams == null ? TeamMap.defaults() : teams;
      TriageSettings settings = new TriageSettings(affectedUsersThreshold);
      Inserts inserts = Inserts.of(rules);
      // facts of a type that no rule pattern can match are left out: they change no outcome
      List<Object> permanent = new ArrayList<>(2);
      if (inserts.settings) {
        permanent.add(settings);
      }
      if (inserts.teams) {
        permanent.add(teamMap);
      }
      if (inserts.predictionSettings) {
        permanent.add(predictionSettings);
      }
      if (inserts.knowledgeSettings && knowledge != null) {
        permanent.add(knowledge.settings());
      }
      return new State(
          this,
          rules,
          KeywordMatcher.of(dictionary),
          teamMap,
          settings,
          criticalCis,
          criticalServices,
          businessHours,
          clock,
          maxRuleFirings,
          counts,
          inserts,
          rules.triages(permanent),
          previous != null && Objects.equals(previous.budget(), timeBudget)
              && previous.maxStuck() == maxStuckRuns
              ? previous : new RuleRunner(timeBudget, maxStuckRuns),
          new java.util.concurrent.atomic.AtomicLong(),
          List.copyOf(predictors),
          similar,
          similarCount,
          cmdb,
          announcements,
          new ConcurrentHashMap<>(),
          knowledge);
    }
  }
}
