package io.itsm.rules;

import io.itsm.core.ValidationException;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementPolicy;
import io.itsm.core.announcement.AnnouncementReach;
import io.itsm.core.announcement.PublishingRequirements;
import io.itsm.rules.facts.AnnouncementFact;
import io.itsm.rules.internal.AnnouncementLog;
import io.itsm.rules.internal.DroolsRules;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.RuleRunner;
import io.itsm.rules.internal.RuleSource;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What an announcement needs before it is published, as Drools rules: an {@link
 * AnnouncementPolicy} for {@code Announcements.builder().policy(..)}, with the default pack
 * ({@value #DEFAULT_RESOURCE}) plus your own rule files. Rules match an {@link AnnouncementFact}
 * and call the global {@code announce} ({@link io.itsm.rules.facts.AnnouncementDecisions}):
 * {@code approvedBy(Role, reason)}, {@code leadTime(Duration, reason)}.
 *
 * <pre>{@code
 * Announcements announcements = Announcements.builder()
 *     .policy(AnnouncementEngine.withDefaults())   // a manager approves; major outages also senior
 *     .build();                                    // management; planned outages 3 days ahead
 * }</pre>
 *
 * <p>Decisions do not compete: every approver any rule names becomes a stage (in the order of
 * {@link io.itsm.core.access.Role}), and the longest lead time wins. Rules may leave out {@code
 * ruleflow-group}; the only legal one is {@value #STAGE}. A rule set in which no rule names an
 * approver for an announcement refuses to submit it.
 *
 * <p>Announcement rule files are contained exactly like triage rule files (see {@link
 * TriageEngine}): what their code may touch is checked at compile time ({@link
 * Builder#trustRules()} turns that off), each decision has a time budget ({@link
 * Builder#timeBudget(Duration)}) and fires on a worker thread in a pooled session of its own, and
 * every failure — a rule throwing anything, the firing limit {@link Builder#maxRuleFirings}, the
 * budget — is a {@link RuleExecutionException} (the submit fails and changes nothing). {@link
 * #reload()} swaps atomically and keeps the current rules when the new ones fail; concurrent
 * reloads run one after the other.
 *
 * <p>Thread-safe.
 */
public final class AnnouncementEngine implements AnnouncementPolicy {

  /** The classpath resource of the default pack. */
  public static final String DEFAULT_RESOURCE = "io/itsm/rules/announcement-policy.drl";

  /** The one stage rules may name. */
  public static final String STAGE = "publish";

  /** The name of the global every announcement rule file declares. */
  public static final String GLOBAL = "announce";

  /** The default firing limit per decision. */
  public static final int DEFAULT_MAX_RULE_FIRINGS = 1_000;

  private final AtomicReference<State> state;
  private final Object reloads = new Object();

  private AnnouncementEngine(State initial) {
    this.state = new AtomicReference<>(initial);
  }

  /**
   * Returns an engine with the default pack.
   *
   * @return a new engine
   */
  public static AnnouncementEngine withDefaults() {
    return builder().build();
  }

  /**
   * Starts configuring an engine; the default pack is on.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(null);
  }

  /**
   * Decides the approvers and lead time of an announcement being submitted.
   *
   * @param announcement the announcement
   * @param reach how far it reaches
   * @return the requirements, with one reason per deciding rule
   * @throws RuleExecutionException if rule code throws anything (errors included), the firing
   *     limit is reached, the time budget runs out, or too many earlier decisions are stuck
   * @throws ValidationException if no rule named an approver
   */
  @Override
  public PublishingRequirements requirementsFor(Announcement announcement, AnnouncementReach reach) {
    Objects.requireNonNull(announcement, "announcement");
    Objects.requireNonNull(reach, "reach");
    State s = state.get();
    AnnouncementLog log = new AnnouncementLog();
    String id = announcement.id();
    List<AnnouncementFact> facts = List.of(AnnouncementFact.of(announcement, reach));
    boolean warmingUp = s.runs.get() < RuleRunner.WARMUP_RUNS;
    List<String> fired = s.runner.run(id, warmingUp,
        watch -> s.rules.fire(id, facts, s.maxFirings, log, watch),
        watch -> s.rules.timeout(id, watch, s.runner.budget(), "announcement decision"));
    if (warmingUp) {
      s.runs.incrementAndGet();
    }
    for (String rule : fired) {
      LongAdder c = s.fireCounts.get(rule);
      if (c != null) {
        c.increment();
      }
    }
    return log.requirements(announcement.id());
  }

  /**
   * Recompiles the current rule set and swaps it in atomically.
   *
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   */
  public void reload() {
    reload(b -> {});
  }

  /**
   * Builds a new rule set from a copy of the configuration changed by {@code changes}, and swaps it
   * in atomically.
   *
   * @param changes changes to a copy of the current builder
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   */
  public void reload(Consumer<Builder> changes) {
    Objects.requireNonNull(changes, "changes");
    synchronized (reloads) {
      State current = state.get();
      Builder copy = current.spec.copy();
      changes.accept(copy);
      state.set(copy.compile(current.runner));
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
   * Returns how often each loaded rule fired since this rule set was built or reloaded.
   *
   * @return an immutable snapshot, sorted by rule name
   */
  public Map<String, Long> ruleFireCounts() {
    Map<String, Long> out = new TreeMap<>();
    state.get().fireCounts.forEach((k, v) -> out.put(k, v.sum()));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    return "AnnouncementEngine{" + ruleNames().size() + " rules}";
  }

  private record State(Builder spec, DroolsRules rules, int maxFirings,
      Map<String, LongAdder> fireCounts, RuleRunner runner, AtomicLong runs) {}

  /**
   * Configures an {@link AnnouncementEngine}. Not thread-safe.
   */
  public static final class Builder extends RulePackBuilder<Builder> {

    private Builder(PackSpec spec) {
      super(spec);
    }

    private Builder copy() {
      return new Builder(spec.copy());
    }

    /**
     * Compiles the rules.
     *
     * @return the engine
     * @throws RuleCompilationException if the rules do not compile, or touch what rule code may
     *     not (unless {@link #trustRules()})
     * @throws ValidationException if a file cannot be read or a left-out rule does not exist
     */
    public AnnouncementEngine build() {
      return new AnnouncementEngine(copy().compile(null));
    }

    private State compile(RuleRunner previous) {
      List<RuleSource> defaultSources = spec.defaults
          ? List.of(RuleSource.classpath(DEFAULT_RESOURCE, AnnouncementEngine.class.getClassLoader()))
          : List.of();
      DroolsRules rules = DroolsRules.compile(defaultSources, spec.teamSources(),
          spec.withoutRules, List.of(STAGE),
          TriageEngine.DEFAULT_RULE_PRECEDENCE, TriageEngine.TEAM_RULE_PRECEDENCE,
          new DroolsRules.Options(GLOBAL, io.itsm.rules.facts.AnnouncementDecisions.class,
              spec.trusted, spec.cache()));
      Map<String, LongAdder> counts = new ConcurrentHashMap<>();
      for (String name : rules.ruleNames()) {
        counts.put(name, new LongAdder());
      }
      return new State(this, rules, spec.maxRuleFirings, counts,
          spec.runner(previous, !rules.teamRuleNames().isEmpty()), new AtomicLong());
    }
  }
}
