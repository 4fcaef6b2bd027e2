package io.itsm.rules.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.RuleCompilationException;
import io.itsm.rules.RuleCacheOutcome;
import io.itsm.rules.RuleExecutionException;
import io.itsm.rules.RuleProblem;
import io.itsm.rules.facts.DecidedSoFar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.drools.base.base.ObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.Agenda;
import org.kie.api.runtime.rule.AgendaGroup;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.io.ResourceFactory;

/**
 * The one class that talks to Drools: compiles rule sources into a KieBase and runs one session
 * over it — a triage ({@link #triages}: the {@code decide} global, {@link DecidedSoFar} replaced
 * after each stage) or any other rule run with its own global and collector ({@link #fire}, used
 * by the escalation engine). No Drools type leaves this class.
 *
 * <p>Immutable and thread-safe once built (the KieBase is shared; each run takes a session
 * of its own from a pool: {@link #fire} resets it when done, a triage deletes its own facts and
 * keeps the permanent ones).
 */
public final class DroolsRules {

  /** The name of the global every rule file declares. */
  public static final String DECISIONS_GLOBAL = "decide";

  private static final String MAIN = "MAIN";

  /**
   * How many triages a session with permanent facts serves before it is disposed. Drools keeps
   * some matches of deleted facts (about one per 17 triages with the default packs) reachable
   * from rules that are not evaluated again; a fresh session now and then bounds that memory
   * (≈ 20 KB a session) at a cost of well under 0.1 µs per triage.
   */
  private static final int KEPT_SESSION_TRIAGES = 1_000;

  /** How many idle sessions with permanent facts a runner keeps. */
  private static final int KEPT_SESSIONS =
      Math.max(2, Runtime.getRuntime().availableProcessors());

  private final KieBase kieBase;
  private final KieSessionsPool sessions;
  private final List<String> stages;
  private final Map<Rule, Integer> precedence;
  private final Map<String, Integer> precedenceByName;
  private final List<String> ruleNames;
  private final String globalName;
  private final boolean hasGlobal;
  private final List<ObjectType> patternTypes;
  private final List<String> teamRuleNames;
  private final Supplier<RuleFailures> failures;
  private RuleCacheOutcome cacheOutcome = RuleCacheOutcome.NOT_USED; // set once, before publication
  private String cacheDetail = "";

  private DroolsRules(
      KieBase kieBase,
      List<String> stages,
      Map<Rule, Integer> precedence,
      Map<String, Integer> precedenceByName,
      List<String> ruleNames,
      String globalName,
      boolean hasGlobal,
      List<String> teamRuleNames,
      Supplier<RuleFailures> failures) {
    this.teamRuleNames = teamRuleNames;
    this.failures = failures;
    this.kieBase = kieBase;
    // sessions are reused: dispose() resets a session and returns it to the pool, which saves
    // building the session and its node and segment memories on every triage
    this.sessions = kieBase.newKieSessionsPool(2);
    this.stages = stages;
    this.precedence = precedence;
    this.precedenceByName = precedenceByName;
    this.ruleNames = ruleNames;
    this.globalName = globalName;
    this.hasGlobal = hasGlobal;
    List<ObjectType> types = new ArrayList<>();
    for (ObjectTypeNode otn : ((InternalKnowledgeBase) kieBase).getRete().getObjectTypeNodes()) {
      types.add(otn.getObjectType());
    }
    this.patternTypes = List.copyOf(types);
  }

  /**
   * Tells whether some rule pattern (including {@code Object()}, {@code collect} and {@code
   * accumulate} sources) can match facts of a class. Facts that no pattern can match change no
   * rule's outcome, so the engine need not insert them.
   *
   * @param type the fact class
   * @return whether a pattern of the rule base accepts instances of {@code type}
   */
  public boolean canMatch(Class<?> type) {
    for (ObjectType t : patternTypes) {
      if (t.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How a rule set is compiled: the global its files declare and whether its code is contained.
   *
   * @param globalName the name of the global the engine sets (the collector of {@link #fire}, or
   *     the decision log of a triage)
   * @param globalType the type the files must declare it with
   * @param trusted whether the team's files may call any code (no containment check)
   * @param cache where compiled team rule sets are kept across starts, or null
   */
  public record Options(String globalName, Class<?> globalType, boolean trusted,
      CompiledRulesCache cache) {

    /**
     * Options without a cache.
     *
     * @param globalName the global's name
     * @param globalType the global's type
     * @param trusted whether the team's files may call any code
     */
    public Options(String globalName, Class<?> globalType, boolean trusted) {
      this(globalName, globalType, trusted, null);
    }
  }

  /**
   * Compiles rules: the default packs and the team's files.
   *
   * <p>Before Drools compiles anything, the team's files are parsed and checked: unique rule
   * names (also against the default packs), legal stages, integer {@code @precedence}, and —
   * unless {@link Options#trusted()} — what their code may touch ({@link RuleContainment});
   * after, the bytecode of their Java code. Compile errors name the line of the failing code.
   *
   * @param defaults the default packs (precedence {@code defaultPrecedence} unless annotated)
   * @param team the team's rule files (precedence {@code teamPrecedence} unless annotated)
   * @param withoutRules names of rules to leave out; each must exist
   * @param stages the legal ruleflow-groups, in firing order
   * @param defaultPrecedence the precedence of default rules
   * @param teamPrecedence the precedence of team rules
   * @param options the global and the trust
   * @return the compiled rules
   * @throws RuleCompilationException if a file does not compile, breaks the rules above, or
   *     touches what rule code may not
   * @throws ValidationException if a file cannot be read or a left-out rule does not exist
   */
  public static DroolsRules compile(
      List<RuleSource> defaults,
      List<RuleSource> team,
      Set<String> withoutRules,
      List<String> stages,
      int defaultPrecedence,
      int teamPrecedence,
      Options options) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader ours = DroolsRules.class.getClassLoader();
    thread.setContextClassLoader(ours);
    try {
      Set<String> defaultNames = new HashSet<>();
      List<ParsedDrl> defaultFiles = new ArrayList<>();
      for (RuleSource s : defaults) {
        defaultNames.add(s.name());
        defaultFiles.add(ParsedDrl.unparsed(s));
      }
      // with team files and a cache: a verified set compiled from exactly these files, checked
      // under exactly these options, is used as it is (its key covers every input of the checks)
      List<ParsedDrl> teamFiles = new ArrayList<>();
      Collection<KiePackage> packages = null;
      RuleCacheOutcome cacheOutcome = RuleCacheOutcome.NOT_USED;
      String cacheDetail = options.cache() == null ? "no cache configured"
          : "no team rules: the default packs come precompiled";
      boolean store = false;
      String checks = null;
      List<ParsedDrl> texts = null;
      if (options.cache() != null && !team.isEmpty()) {
        checks = checkInputs(stages, options);
        texts = new ArrayList<>(defaultFiles);
        for (RuleSource s : team) {
          texts.add(ParsedDrl.unparsed(s));
        }
        CompiledRulesCache.Loaded loaded = options.cache().load(texts, checks);
        packages = loaded.packages();
        cacheOutcome = loaded.outcome();
        cacheDetail = loaded.reason();
        store = packages == null;
        if (packages != null) {
          teamFiles.addAll(texts.subList(defaultFiles.size(), texts.size()));
        }
      }
      boolean fromCache = packages != null;
      if (!fromCache) {
        if (texts != null) {
          // the texts the key was made of: a file changed meanwhile is never stored under the
          // key of its old text
          for (ParsedDrl f : texts.subList(defaultFiles.size(), texts.size())) {
            teamFiles.add(f.parsed());
          }
        } else {
          for (RuleSource s : team) {
            teamFiles.add(ParsedDrl.parse(s));
          }
        }
        List<RuleProblem> before = RuleLint.check(defaultFiles, teamFiles, stages);
        if (!options.trusted() && !teamFiles.isEmpty()) { // the default files need no check
          before.addAll(RuleContainment.checkSources(teamFiles, ours,
              new RuleContainment.Global(options.globalName(), options.globalType())));
        }
        if (!before.isEmpty()) {
          throw new RuleCompilationException(before);
        }
        // the default packs alone, unchanged, come precompiled from the build when they can
        packages = team.isEmpty() ? PrecompiledPacks.load(defaults) : null;
      }
      List<ParsedDrl> all = new ArrayList<>(defaultFiles);
      all.addAll(teamFiles);
      if (packages == null) {
        packages = compilePackages(all);
      }
      Map<String, ParsedDrl> byName = new HashMap<>();
      for (ParsedDrl f : all) {
        byName.put(f.name(), f);
      }
      if (!fromCache && !options.trusted() && !teamFiles.isEmpty()) {
        Map<String, ParsedDrl> teamByName = new HashMap<>();
        Set<String> declared = new HashSet<>();
        for (ParsedDrl f : teamFiles) {
          teamByName.put(f.name(), f);
          declared.addAll(RuleLint.declaredTypes(f));
        }
        List<RuleProblem> after = RuleContainment.checkBytecode(
            packages, RuleContainment.origins(packages, teamByName), declared);
        if (!after.isEmpty()) {
          throw new RuleCompilationException(after);
        }
      }
      if (store) { // compiled and checked: stored before a rule base holds the packages
        String notStored = options.cache().store(all, checks, packages);
        if (notStored != null) {
          cacheOutcome = RuleCacheOutcome.NOT_STORED;
          cacheDetail = cacheDetail + "; " + notStored;
        }
      }
      // where failing code is: from the parse trees, which a set from the cache does without
      // until the first failure asks (the team files are then parsed once)
      Collection<KiePackage> compiledPackages = packages;
      Supplier<RuleFailures> failures = fromCache
          ? new Memo<>(() -> {
              List<ParsedDrl> parsed = new ArrayList<>();
              for (ParsedDrl f : all) {
                parsed.add(defaultNames.contains(f.name()) ? f : f.parsed());
              }
              Map<String, ParsedDrl> parsedByName = new HashMap<>();
              parsed.forEach(f -> parsedByName.put(f.name(), f));
              return RuleFailures.of(
                  RuleContainment.origins(compiledPackages, parsedByName), parsed);
            })
          // the default packs alone: computed on first use too, a cold start needs none of it
          // (the packages it reads are the rule base's, whose rules can only lose the left-out
          // ones, which never run; the files are the packs' texts, kept anyway)
          : teamFiles.isEmpty()
              ? new Memo<>(() -> RuleFailures.of(
                  RuleContainment.origins(compiledPackages, byName), all))
              // team files: now, so that their parse trees are not kept for a first failure
              : new Memo<>(RuleFailures.of(RuleContainment.origins(packages, byName), all));
      // what KieServices.get().newKieBaseConfiguration(null, ours) returns, without starting
      // KieServices (the compiler's service registry) when the packages come precompiled
      InternalKnowledgeBase kb =
          KnowledgeBaseFactory.newKnowledgeBase(
              RuleBaseFactory.newKnowledgeBaseConfiguration(null, ours));
      kb.addPackages(packages);

      Set<String> missing = new TreeSet<>(withoutRules);
      for (KiePackage p : kb.getKiePackages()) {
        for (Rule r : List.copyOf(p.getRules())) {
          if (withoutRules.contains(r.getName())) {
            kb.removeRule(p.getName(), r.getName());
            missing.remove(r.getName());
          }
        }
      }
      if (!missing.isEmpty()) {
        throw new ValidationException(
            "withoutRule must name a loaded rule, but no rule is named " + missing);
      }

      Map<Rule, Integer> precedence = new IdentityHashMap<>();
      Map<String, Integer> byRuleName = new HashMap<>();
      Map<String, String> files = new HashMap<>();
      List<String> names = new ArrayList<>();
      List<RuleProblem> problems = new ArrayList<>();
      Set<String> legal = new HashSet<>(stages);
      boolean global = false;
      for (KiePackage p : kb.getKiePackages()) {
        global |= p.getGlobalVariables().stream()
            .anyMatch(g -> g.getName().equals(options.globalName()));
        for (Rule r : p.getRules()) {
          RuleImpl impl = (RuleImpl) r;
          String file = impl.getResource() == null ? "?" : impl.getResource().getSourcePath();
          int line = byName.containsKey(file) ? byName.get(file).ruleLine(r.getName()) : -1;
          int prec = defaultNames.contains(file) ? defaultPrecedence : teamPrecedence;
          Object annotated = r.getMetaData().get("precedence");
          if (annotated != null) {
            try {
              prec = Integer.parseInt(String.valueOf(annotated).trim());
            } catch (NumberFormatException e) {
              problems.add(
                  new RuleProblem(
                      file, line, -1,
                      "rule '" + r.getName() + "': @precedence must be an integer, but was '"
                          + annotated + "'"));
            }
          }
          String group = impl.getRuleFlowGroup() != null ? impl.getRuleFlowGroup()
              : impl.getAgendaGroup();
          if (group != null && !group.equals(MAIN) && !legal.contains(group)) {
            problems.add(
                new RuleProblem(
                    file, line, -1,
                    "rule '" + r.getName() + "': ruleflow-group must be one of " + stages
                        + ", but was '" + group + "'" + RuleLint.didYouMean(group, stages)));
          }
          precedence.put(r, prec);
          byRuleName.put(r.getName(), prec);
          files.put(r.getName(), file);
          names.add(r.getName());
        }
      }
      if (!problems.isEmpty()) {
        throw new RuleCompilationException(problems);
      }
      names.sort(Comparator.naturalOrder());
      Set<String> teamRules = new TreeSet<>();
      Set<String> teamFileNames = new HashSet<>();
      teamFiles.forEach(f -> teamFileNames.add(f.name()));
      files.forEach((rule, file) -> {
        if (teamFileNames.contains(file)) {
          teamRules.add(rule);
        }
      });
      DroolsRules compiled = new DroolsRules(kb, List.copyOf(stages), precedence, byRuleName,
          List.copyOf(names), options.globalName(), global, List.copyOf(teamRules), failures);
      compiled.cacheOutcome = cacheOutcome;
      compiled.cacheDetail = cacheDetail;
      return compiled;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Everything besides the files that decides whether the checks before compiling pass. */
  private static String checkInputs(List<String> stages, Options options) {
    return "stages " + stages + "; global " + options.globalName() + " "
        + options.globalType().getName() + "; trusted " + options.trusted();
  }

  /** A value computed once, on first use (or given). Thread-safe. */
  private static final class Memo<T> implements Supplier<T> {
    private Supplier<T> compute;
    private volatile T value;

    Memo(Supplier<T> compute) {
      this.compute = compute;
    }

    Memo(T value) {
      this.value = value;
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = compute.get();
            value = v;
            compute = null;
          }
        }
      }
      return v;
    }
  }

  /**
   * Compiles rule files into packages, with the builder settings every rule base uses. Call with
   * the context class loader set to this library's.
   *
   * @param sources the files, in order
   * @return the packages
   * @throws RuleCompilationException if a file does not compile
   * @throws ValidationException if a file cannot be read
   */
  static Collection<KiePackage> compilePackages(List<ParsedDrl> sources) {
    ClassLoader ours = DroolsRules.class.getClassLoader();
    KnowledgeBuilderConfiguration conf =
        KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, ours);
    // facts are never modified (the engine replaces DecidedSoFar), so property reactivity buys
    // nothing; class reactivity also keeps constraints like TeamMap(hasTeamFor($c)) quiet
    conf.setOption(PropertySpecificOption.ALLOWED);
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
    // one batch: the files are parsed first and compiled together (one Java compilation of
    // all consequences) instead of package by package as each file is added
    CompositeKnowledgeBuilder batch = builder.batch();
    for (ParsedDrl s : sources) {
      Resource r = ResourceFactory.newByteArrayResource(s.text().getBytes(StandardCharsets.UTF_8));
      r.setSourcePath(s.name());
      r.setResourceType(ResourceType.DRL);
      batch.add(r, ResourceType.DRL);
    }
    batch.build();
    if (builder.hasErrors()) {
      throw new RuleCompilationException(CompileErrors.translate(builder, sources));
    }
    return builder.getKnowledgePackages();
  }

  /**
   * Returns what the compiled-rules cache did when these rules were compiled.
   *
   * @return the outcome
   */
  public RuleCacheOutcome cacheOutcome() {
    return cacheOutcome;
  }

  /**
   * Returns why the cache did what it did: the file used, or why a stored set was not trusted or
   * could not be stored.
   *
   * @return the detail
   */
  public String cacheDetail() {
    return cacheDetail;
  }

  /**
   * Returns the names of all loaded rules, sorted.
   *
   * @return an immutable list
   */
  public List<String> ruleNames() {
    return ruleNames;
  }

  /**
   * What one loaded rule declares: its file, its stage and its metadata annotations ({@code
   * @template("incident-resolved")}).
   *
   * @param name the rule's name
   * @param file the file it came from, as named in messages
   * @param stage its ruleflow-group, or null when it has none
   * @param metadata its annotations, by name, values as text
   */
  public record RuleInfo(String name, String file, String stage, Map<String, String> metadata) {

    /**
     * Copies the metadata.
     *
     * @throws NullPointerException if name, file or metadata is null
     */
    public RuleInfo {
      java.util.Objects.requireNonNull(name, "name");
      java.util.Objects.requireNonNull(file, "file");
      metadata = Map.copyOf(metadata);
    }
  }

  /**
   * Returns what every loaded rule declares, by name.
   *
   * @return rule name → info, sorted by name
   */
  public Map<String, RuleInfo> ruleInfo() {
    Map<String, RuleInfo> out = new java.util.TreeMap<>();
    for (KiePackage p : kieBase.getKiePackages()) {
      for (Rule r : p.getRules()) {
        RuleImpl impl = (RuleImpl) r;
        String file = impl.getResource() == null ? "?" : impl.getResource().getSourcePath();
        String group = impl.getRuleFlowGroup() != null ? impl.getRuleFlowGroup() : impl.getAgendaGroup();
        Map<String, String> meta = new HashMap<>();
        r.getMetaData().forEach((k, v) -> meta.put(k, unquote(String.valueOf(v))));
        out.put(r.getName(), new RuleInfo(r.getName(), file, group == null || group.equals(MAIN) ? null : group, meta));
      }
    }
    return out;
  }

  private static String unquote(String v) {
    String t = v.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }

  /**
   * Returns the names of the loaded rules that come from the team's files (not the default
   * packs), sorted.
   *
   * @return an immutable list
   */
  public List<String> teamRuleNames() {
    return teamRuleNames;
  }

  /**
   * Returns where a rule is, as {@code file:line}, or an empty string when not known.
   *
   * @param rule the rule name
   * @return the location
   */
  public String location(String rule) {
    return failures.get().locate(rule).text();
  }

  /**
   * Makes the exception for a run that ran out of its time budget.
   *
   * @param incidentId the ticket or incident, or null
   * @param watch the run's watch (which rule was running)
   * @param budget the budget
   * @param what {@code "triage"} or {@code "escalation decision"}
   * @return the exception
   */
  public RuleExecutionException timeout(String incidentId, RuleRunner.Watch watch,
      java.time.Duration budget, String what) {
    return failures.get().timeout(incidentId, watch.rule(), budget, what);
  }

  /**
   * Returns the precedence of every loaded rule.
   *
   * @return rule name → precedence
   */
  public Map<String, Integer> precedences() {
    return precedenceByName;
  }

  /**
   * Returns a runner of triages whose sessions hold {@code permanentFacts} for good, when that
   * cannot change any outcome: every rule needs, besides them, a fact of one triage, which is
   * deleted when the triage is done. Otherwise the runner inserts the permanent facts into a
   * reset session for every triage, like the per-triage facts.
   *
   * @param permanentFacts facts inserted identically into every triage (never modified)
   * @return a runner; thread-safe
   */
  public Triages triages(List<?> permanentFacts) {
    List<Object> permanent = List.copyOf(permanentFacts);
    List<Class<?>> types = new ArrayList<>();
    for (Object f : permanent) {
      types.add(f.getClass());
    }
    return new Triages(permanent, everyRuleNeedsAnotherFact(types));
  }

  /**
   * Whether every rule has a positive working-memory pattern (in each of its {@code or}
   * branches) that none of the given types can match, so facts of these types alone never
   * activate a rule.
   */
  private boolean everyRuleNeedsAnotherFact(List<Class<?>> types) {
    for (KiePackage p : kieBase.getKiePackages()) {
      for (Rule r : p.getRules()) {
        RuleImpl rule = (RuleImpl) r;
        if (!rule.isQuery() && !needsAnotherFact(rule.getLhs(), types)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean needsAnotherFact(GroupElement element, List<Class<?>> types) {
    if (element.isOr()) {
      for (RuleConditionElement child : element.getChildren()) {
        if (!(child instanceof GroupElement g && needsAnotherFact(g, types))
            && !(child instanceof Pattern pattern && matchesNone(pattern, types))) {
          return false;
        }
      }
      return !element.getChildren().isEmpty();
    }
    if (!element.isAnd()) {
      return false; // not, exists: satisfied without any fact
    }
    for (RuleConditionElement child : element.getChildren()) {
      if (child instanceof Pattern pattern && matchesNone(pattern, types)) {
        return true;
      }
      if (child instanceof GroupElement g && (g.isAnd() || g.isOr()) && needsAnotherFact(g, types)) {
        return true;
      }
    }
    return false;
  }

  /** A working-memory pattern that no instance of the types can match. */
  private static boolean matchesNone(Pattern pattern, List<Class<?>> types) {
    if (pattern.getSource() != null && !(pattern.getSource() instanceof EntryPointId)) {
      return false; // from, collect, accumulate: matched without facts of the pattern's type
    }
    for (Class<?> type : types) {
      if (pattern.getObjectType().isAssignableFrom(type)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs triages over one set of permanent facts. Thread-safe: each triage takes a session of
   * its own.
   */
  public final class Triages {
    private final List<Object> permanent;
    private final boolean keep;
    private final BlockingQueue<Kept> idle = new ArrayBlockingQueue<>(KEPT_SESSIONS);

    private Triages(List<Object> permanent, boolean keep) {
      this.permanent = permanent;
      this.keep = keep;
    }

    /**
     * Whether the sessions keep the permanent facts between triages (otherwise each triage
     * inserts them into a reset session).
     *
     * @return whether the permanent facts stay in the sessions
     */
    public boolean keepsPermanentFacts() {
      return keep;
    }

    /**
     * Runs one triage: inserts the facts, fires each stage in order and returns the winners.
     *
     * @param incidentId the ticket's id for error messages, or null
     * @param facts the facts of this triage, inserted after the permanent ones
     * @param maxFirings the firing limit
     * @param watch the run's watch: told the firing rule, and how to halt the session
     * @return the result
     * @throws RuleExecutionException if a rule throws or the limit is reached
     */
    public TriageResult run(String incidentId, List<?> facts, int maxFirings,
        RuleRunner.Watch watch) {
      DecisionTally log = new DecisionTally(incidentId);
      SoFarFact decided = new SoFarFact(log);
      if (!keep) {
        List<Object> all = new ArrayList<>(permanent.size() + facts.size());
        all.addAll(permanent);
        all.addAll(facts);
        return log.result(execute(incidentId, all, maxFirings, log, decided, watch));
      }
      Kept kept = idle.poll();
      if (kept == null) {
        kept = new Kept(permanent);
      }
      boolean clean = false;
      try {
        List<String> fired = kept.run(incidentId, facts, maxFirings, log, decided, watch);
        clean = kept.clean(decided);
        return log.result(fired);
      } finally {
        // a failed triage may leave anything behind: never reuse its session
        if (!clean || ++kept.triages >= KEPT_SESSION_TRIAGES || !idle.offer(kept)) {
          kept.session.dispose();
        }
      }
    }
  }

  /** A session that holds the permanent facts, its listener and the handles of one triage. */
  private final class Kept {
    final KieSession session;
    final Listener listener = new Listener(null);
    final List<Object> permanent;
    final List<FactHandle> permanentHandles = new ArrayList<>();
    final List<FactHandle> handles = new ArrayList<>(16);
    int triages;

    Kept(List<Object> permanent) {
      this.permanent = permanent;
      this.session = kieBase.newKieSession();
      session.addEventListener(listener);
      for (Object f : permanent) {
        permanentHandles.add(session.insert(f));
      }
    }

    List<String> run(
        String incidentId, List<?> facts, int maxFirings, DecisionTally log, SoFarFact decided,
        RuleRunner.Watch watch) {
      listener.start(log, watch);
      if (hasGlobal) {
        session.setGlobal(globalName, log);
      }
      for (int i = 0, n = facts.size(); i < n; i++) {
        handles.add(session.insert(facts.get(i)));
      }
      return fireStages(session, incidentId, maxFirings, listener, decided, watch);
    }

    /**
     * Deletes this triage's facts. Returns false if the session holds anything else than the
     * permanent facts afterwards (a rule inserted, deleted or replaced facts of its own).
     */
    boolean clean(SoFarFact decided) {
      for (int i = 0, n = handles.size(); i < n; i++) {
        delete(handles.get(i));
      }
      handles.clear();
      delete(decided.handle);
      if (session.getFactCount() != permanent.size()) {
        return false;
      }
      for (int i = 0; i < permanent.size(); i++) {
        InternalFactHandle h = (InternalFactHandle) permanentHandles.get(i);
        if (!h.isValid() || h.getObject() != permanent.get(i)) {
          return false;
        }
      }
      return true;
    }

    /** Deletes a fact unless a rule did (the handle itself knows: no object store lookup). */
    private void delete(FactHandle h) {
      if (h != null && ((InternalFactHandle) h).isValid()) {
        session.delete(h);
      }
    }
  }

  /**
   * Runs the rules once over facts: sets {@code collector} as the global named at compile time
   * (when the rules declare it), inserts the facts, fires each stage in order and tells the
   * collector which rule is firing.
   *
   * @param incidentId the incident's id for error messages, or null
   * @param facts the facts to insert
   * @param maxFirings the firing limit
   * @param collector the global, told each firing rule's name
   * @param watch the run's watch: told the firing rule, and how to halt the session
   * @return the rules that fired, in order
   * @throws RuleExecutionException if a rule throws or the limit is reached
   */
  public List<String> fire(String incidentId, Collection<?> facts, int maxFirings,
      FiringLog collector, RuleRunner.Watch watch) {
    return List.copyOf(execute(incidentId, facts, maxFirings, collector, null, watch));
  }

  private List<String> execute(
      String incidentId, Collection<?> facts, int maxFirings, FiringLog log, SoFarFact decided,
      RuleRunner.Watch watch) {
    Listener listener = new Listener(log);
    listener.watch = watch;
    KieSession session = sessions.newKieSession();
    try {
      if (hasGlobal) {
        session.setGlobal(globalName, log);
      }
      session.addEventListener(listener);
      for (Object fact : facts) {
        session.insert(fact);
      }
      return fireStages(session, incidentId, maxFirings, listener, decided, watch);
    } finally {
      session.removeEventListener(listener);
      session.dispose(); // resets the session and returns it to the pool
    }
  }

  /** Inserts {@code decided} (when not null) and fires the stages in order. */
  private List<String> fireStages(
      KieSession session, String incidentId, int maxFirings, Listener listener,
      SoFarFact decided, RuleRunner.Watch watch) {
    watch.onHalt(session::halt);
    try {
      if (decided != null) {
        decided.insert(session);
      }
      Agenda agenda = session.getAgenda();
      int last = stages.size() - 1;
      for (int i = 0; i <= last; i++) {
        String stage = stages.get(i);
        AgendaGroup group = agenda.getAgendaGroup(stage);
        if (group != null) { // null when no rule names the stage (all in MAIN)
          group.setFocus();
        }
        session.fireAllRules(maxFirings - listener.fired.size());
        if (watch.abandoned()) {
          throw new RuleExecutionException("abandoned after its time budget", incidentId,
              List.of(), null);
        }
        if (listener.fired.size() >= maxFirings) {
          throw loop(incidentId, listener.fired, maxFirings, stage);
        }
        // after the last stage nothing fires any more: replacing DecidedSoFar would be wasted work
        if (decided != null && i < last) {
          decided.afterStage(session);
        }
      }
      return listener.fired;
    } catch (RuleExecutionException e) {
      throw e;
    } catch (Throwable e) { // any exception or error of rule code, StackOverflowError and OOM too
      throw failures.get().failure(incidentId, listener.current, e);
    } finally {
      listener.current = null;
      watch.firing(null);
    }
  }

  /** The {@link DecidedSoFar} fact of a triage: the winners so far, replaced after each stage. */
  private static final class SoFarFact {
    private final DecisionTally log;
    private DecidedSoFar decided = DecidedSoFar.NOTHING;
    private FactHandle handle;
    private int made;

    SoFarFact(DecisionTally log) {
      this.log = log;
    }

    void insert(KieSession session) {
      handle = session.insert(decided);
    }

    void afterStage(KieSession session) {
      if (log.size() != made) {
        made = log.size();
        DecidedSoFar now = log.decidedSoFar();
        if (!now.equals(decided)) {
          decided = now;
          // one update instead of delete + insert: the same matches (facts are never modified
          // in place, and property reactivity is off) without a new fact handle
          session.update(handle, decided);
        }
      }
    }
  }

  private RuleExecutionException loop(
      String incidentId, List<String> fired, int max, String stage) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String r : fired) {
      counts.merge(r, 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
    top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    List<String> suspects = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Integer> e : top) {
      // a rule that fired more than a tenth of the limit, or at least the top one
      if (suspects.isEmpty() || e.getValue() * 10 >= max) {
        suspects.add(e.getKey());
        sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(e.getKey()).append("' ")
            .append(e.getValue()).append('x');
      }
    }
    RuleFailures.Location where = failures.get().locate(suspects.get(0));
    return new RuleExecutionException(
        "rules fired " + max + " times (the limit) in stage '" + stage + "'"
            + (incidentId == null ? "" : " on " + incidentId)
            + ", probably a loop: " + sb
            + (where.file() == null ? "" : " (" + where.text() + ")")
            + "; guard the rule's condition or raise maxRuleFirings",
        incidentId, suspects, where.file(), where.line(), null);
  }

  private final class Listener extends DefaultAgendaEventListener {
    FiringLog log;
    List<String> fired = new ArrayList<>(32);
    RuleRunner.Watch watch;
    /** The rule whose consequence runs now, or null. */
    Rule current;

    Listener(FiringLog log) {
      this.log = log;
    }

    /** Starts a new run with its own log, watch and list of fired rules. */
    void start(FiringLog log, RuleRunner.Watch watch) {
      this.log = log;
      this.watch = watch;
      this.fired = new ArrayList<>(32);
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
      Rule rule = event.getMatch().getRule();
      Integer p = precedence.get(rule);
      if (p == null) {
        p = precedenceByName.getOrDefault(rule.getName(), 0);
      }
      fired.add(rule.getName());
      current = rule;
      watch.firing(rule.getName());
      Resource file = ((RuleImpl) rule).getResource();
      log.begin(rule.getName(), file == null ? "?" : file.getSourcePath(), p);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
      log.end();
      current = null;
      watch.firing(null);
    }
  }
}
