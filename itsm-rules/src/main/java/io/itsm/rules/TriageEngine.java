package io.itsm.rules;

import io.itsm.core.ValidationException;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.cmdb.Cmdb;
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
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.TriageCore;
import io.itsm.rules.internal.TriageSpec;
import io.itsm.rules.keywords.KeywordDictionary;
import io.itsm.rules.knowledge.KnowledgeIndex;
import io.itsm.rules.predict.Predictor;
import io.itsm.rules.predict.SimilarIncidents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
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
 * <h2>Predictions, similar incidents, knowledge, CMDB, announcements</h2>
 *
 * {@link Builder#model(Predictor)}, {@link Builder#similarIncidents(SimilarIncidents)}, {@link
 * Builder#knowledge(KnowledgeIndex)}, {@link Builder#cmdb(Cmdb)} and {@link
 * Builder#announcements(Announcements)} each add facts to every triage ({@link Prediction},
 * {@link MajorIncidentSuspect}, {@link KnowledgeMatch}, ...) and load the default pack that
 * decides from them; each method says what its pack does. Predictions never decide by
 * themselves.
 *
 * <h2>Trust</h2>
 *
 * Your rule files are code running inside your application, so the engine contains them: what
 * rule code may touch is checked at compile time ({@link Builder#trustRules()} turns that off),
 * rules fire within a time budget per triage ({@link Builder#timeBudget(Duration)}, default
 * {@link #DEFAULT_TIME_BUDGET}; the library's own packs alone fire on the caller's thread, see
 * {@link #timeBudget()}), and every failure of rule code reaches the caller as one {@link
 * RuleExecutionException} naming the rule, with no partial result. {@link RuleEngineBuilder}
 * explains each safeguard; they are the same for every engine of this package.
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
    return TriageSpec.timeBudgetProperty(TIME_BUDGET_PROPERTY, DEFAULT_TIME_BUDGET);
  }

  /** The default number of stuck runs from which new triages are refused. */
  public static final int DEFAULT_MAX_STUCK_RUNS = 4;

  /** The default business hours: Monday to Friday, 08:00 to 18:00 UTC. */
  public static final Predicate<Instant> DEFAULT_BUSINESS_HOURS =
      weekdays(ZoneOffset.UTC, LocalTime.of(8, 0), LocalTime.of(18, 0));

  private final AtomicReference<TriageCore> state;
  private final Object reloads = new Object();

  private TriageEngine(TriageCore initial) {
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
    return new Builder(new TriageSpec(PackSpec.withDefaultBudget(DEFAULT_MAX_RULE_FIRINGS)));
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
    return state.get().triage(ticket, reported);
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
    return state.get().triageAll(batch);
  }

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
      TriageCore current = state.get();
      TriageSpec copy = current.spec().copy();
      changes.accept(new Builder(copy));
      state.set(TriageCore.compile(copy, current.runner()));
    }
  }

  /**
   * Returns the time budget each triage of the rules in force runs with: the builder's {@link
   * Builder#timeBudget(Duration)}, else {@link #defaultTimeBudget()} when team rules are loaded.
   * Empty when the rules fire on the caller's thread: after {@link Builder#withoutTimeBudget()},
   * or for the library's own packs alone without a budget set — tested code that ends on every
   * ticket, which is spared the hand-over to a rule worker. A {@link #reload()} that adds or
   * removes the last team rule changes it.
   *
   * @return the budget, or empty
   */
  public Optional<Duration> timeBudget() {
    return Optional.ofNullable(state.get().runner().budget());
  }

  /**
   * Returns the names of all loaded rules.
   *
   * @return an immutable, sorted list
   */
  public List<String> ruleNames() {
    return state.get().rules().ruleNames();
  }

  /**
   * Returns the names of the loaded rules that come from your rule files, not the default packs.
   *
   * @return an immutable, sorted list
   */
  public List<String> teamRuleNames() {
    return state.get().rules().teamRuleNames();
  }

  /**
   * Returns how often each loaded rule fired since this rule set was built or reloaded, zero for
   * rules that never fired: the raw material of rule coverage.
   *
   * @return an immutable snapshot, sorted by rule name
   */
  public Map<String, Long> ruleFireCounts() {
    Map<String, Long> out = new TreeMap<>();
    state.get().fireCounts().forEach((k, v) -> out.put(k, v.sum()));
    return Map.copyOf(out);
  }

  /**
   * Returns what the compiled-rules cache ({@link Builder#compiledRulesCache(Path)}) did when the
   * rules in force were compiled (at {@link Builder#build()} or the last {@link #reload()}).
   *
   * @return the outcome; {@link RuleCacheOutcome#NOT_USED} without a cache or without team rules
   */
  public RuleCacheOutcome ruleCacheOutcome() {
    return state.get().rules().cacheOutcome();
  }

  /**
   * Returns why the compiled-rules cache did what it did, for logs: the file it loaded, or why a
   * stored set was not trusted (damaged, written by another library or Drools version) or could
   * not be stored.
   *
   * @return the detail
   */
  public String ruleCacheDetail() {
    return state.get().rules().cacheDetail();
  }

  /**
   * Returns the precedence of each loaded rule.
   *
   * @return rule name → precedence
   */
  public Map<String, Integer> rulePrecedences() {
    return Map.copyOf(state.get().rules().precedences());
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
    return TriageSpec.weekdays(zone, start, end);
  }

  /**
   * Configures a {@link TriageEngine}. Rule files given as paths are read at {@link #build()} and
   * again at each {@link TriageEngine#reload()}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder extends RuleEngineBuilder<Builder> {
    private final TriageSpec t;

    private Builder(TriageSpec t) {
      super(t.rules, DEFAULT_MAX_RULE_FIRINGS);
      this.t = t;
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
      t.pack(Objects.requireNonNull(pack, "pack"), false);
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
      t.pack(Objects.requireNonNull(pack, "pack"), true);
      return this;
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
      t.cmdb = Objects.requireNonNull(cmdb, "cmdb");
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
      t.announcements = Objects.requireNonNull(announcements, "announcements");
      return this;
    }

    /**
     * Sets the keyword dictionary (default {@link KeywordDictionary#defaults()}).
     *
     * @param dictionary the dictionary
     * @return this builder
     */
    public Builder keywords(KeywordDictionary dictionary) {
      t.keywords = Objects.requireNonNull(dictionary, "dictionary");
      return this;
    }

    /**
     * Sets the routing data (default {@link TeamMap#defaults()}).
     *
     * @param teams the team map
     * @return this builder
     */
    public Builder teams(TeamMap teams) {
      t.teams = Objects.requireNonNull(teams, "teams");
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
      t.affectedUsersThreshold = threshold;
      return this;
    }

    /**
     * Sets the business-critical configuration items (impact HIGH).
     *
     * @param cis the CI names
     * @return this builder
     */
    public Builder criticalConfigurationItems(Set<String> cis) {
      t.criticalCis = Set.copyOf(cis);
      return this;
    }

    /**
     * Sets the business-critical services (impact HIGH).
     *
     * @param services the service names
     * @return this builder
     */
    public Builder criticalServices(Set<String> services) {
      t.criticalServices = Set.copyOf(services);
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
      t.businessHours = Objects.requireNonNull(insideBusinessHours, "insideBusinessHours");
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
      t.businessHours = weekdays(zone, start, end);
      return this;
    }

    /**
     * Sets the clock used when a ticket has no {@code openedAt} (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      t.clock = Objects.requireNonNull(clock, "clock");
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
      t.predictors.add(Objects.requireNonNull(model, "model"));
      return this;
    }

    /**
     * Removes every model added with {@link #model(Predictor)} (for {@link
     * TriageEngine#reload(Consumer)}).
     *
     * @return this builder
     */
    public Builder withoutModels() {
      t.predictors.clear();
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
      t.predictionSettings = Objects.requireNonNull(settings, "settings");
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
      t.similar = Objects.requireNonNull(index, "index");
      t.similarCount = count;
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
      t.knowledge = Objects.requireNonNull(index, "index");
      t.knowledgeSettings = Objects.requireNonNull(settings, "settings");
      t.knowledgeMatches = matches;
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
      return new TriageEngine(TriageCore.compile(t.copy(), null));
    }
  }
}
