package io.itsm.rules;

import io.itsm.core.ValidationException;
import io.itsm.core.notification.DeliverySchedule;
import io.itsm.core.notification.NotificationPolicy;
import io.itsm.core.notification.NotificationRequest;
import io.itsm.core.notification.NotificationSubject;
import io.itsm.core.notification.NotificationTemplates;
import io.itsm.core.notification.PendingDelivery;
import io.itsm.rules.facts.DeliveryFact;
import io.itsm.rules.facts.NotificationFact;
import io.itsm.rules.internal.DroolsRules;
import io.itsm.rules.internal.NotifyLog;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.RuleRunner;
import io.itsm.rules.internal.RuleSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Who is told what about incidents, and when, as Drools rules: a {@link NotificationPolicy} for
 * {@code Notifications.builder().policy(..)}, with the default pack ({@value #DEFAULT_RESOURCE})
 * plus your own rule files.
 *
 * <pre>{@code
 * NotifyEngine rules = NotifyEngine.builder()
 *     .withoutRule("The assigned team is told about a new ticket")
 *     .addRulesDirectory(Path.of("notify-rules"))
 *     .build();
 * Notifications notifications = Notifications.builder().policy(rules).build();
 * }</pre>
 *
 * <h2>Stages, facts and actions</h2>
 *
 * Rules of stage {@value #STAGE_NOTIFY} match a {@link NotificationFact} (one per event) and call
 * the global {@code notify} ({@link io.itsm.rules.facts.NotificationDecisions}): {@code caller},
 * {@code assignee}, {@code team}, {@code role}, {@code user}, {@code callerOn}; each names the
 * template it sends in an annotation, {@code @template("incident-resolved")}, checked against the
 * templates when the rules are loaded. Rules of stage {@value #STAGE_SCHEDULE} match a {@link
 * DeliveryFact} (one per recipient) and call {@code notify.deliverAt(..)} or {@code
 * notify.digest(..)}; without a decision a notification goes out at once, and the last decision
 * wins. Every request carries the firing rule's name and reason.
 *
 * <p>As with escalations, requests do not compete: every rule that fires tells its audience. To
 * override a default, switch it off by name and add your own; {@link Builder#withoutDefaults()}
 * leaves only your files.
 *
 * <h2>Safety</h2>
 *
 * Notification rule files are contained exactly like triage rule files (see {@link TriageEngine}):
 * what their code may touch is checked at compile time ({@link Builder#trustRules()} turns that
 * off), each decision has a time budget ({@link Builder#timeBudget(Duration)}) and fires on a
 * worker thread, and every failure — a rule throwing anything, errors included, the firing limit
 * {@link Builder#maxRuleFirings(int)}, the budget — is a {@link RuleExecutionException} naming the
 * rule and, where known, its file and line (the desk logs a failing listener and goes on: the
 * command that caused the event is never blocked). Each decision runs in a pooled session of its own. {@link
 * #reload()} compiles off the request path and swaps atomically; a failed reload keeps the current
 * rules; concurrent reloads run one after the other.
 *
 * <p>Thread-safe.
 */
public final class NotifyEngine implements NotificationPolicy {

  /** The classpath resource of the default pack. */
  public static final String DEFAULT_RESOURCE = "io/itsm/rules/notify.drl";

  /** The stage of rules that decide who is told. */
  public static final String STAGE_NOTIFY = "notify";

  /** The stage of rules that decide when each notification goes out. */
  public static final String STAGE_SCHEDULE = "schedule";

  /** The name of the global every notification rule file declares. */
  public static final String GLOBAL = "notify";

  /** The annotation naming a notify rule's template. */
  public static final String TEMPLATE_ANNOTATION = "template";

  /** The default firing limit per decision. */
  public static final int DEFAULT_MAX_RULE_FIRINGS = 1_000;

  private final AtomicReference<State> state;
  private final Object reloads = new Object();

  private NotifyEngine(State initial) {
    this.state = new AtomicReference<>(initial);
  }

  /**
   * Returns an engine with the default pack and templates.
   *
   * @return a new engine
   */
  public static NotifyEngine withDefaults() {
    return builder().build();
  }

  /**
   * Starts configuring an engine; the default pack is on, templates are {@link
   * NotificationTemplates#defaults()}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(null);
  }

  /**
   * Decides who is told about one event, with which template.
   *
   * @param subject the event and the incident after it
   * @return the requests in the order the rules made them, maybe empty
   * @throws RuleExecutionException if rule code throws anything (errors included), the firing
   *     limit is reached, the time budget runs out, or too many earlier decisions are stuck
   */
  @Override
  public List<NotificationRequest> decide(NotificationSubject subject) {
    Objects.requireNonNull(subject, "subject");
    State s = state.get();
    NotifyLog log = new NotifyLog(s.templateOfRule);
    fire(s, subject.incident().id(), NotificationFact.of(subject), log, "notification decision");
    return log.requests();
  }

  /**
   * Decides when one notification goes out: at once, at an instant, or in a digest.
   *
   * @param pending the notification and its recipient
   * @return the schedule; {@link DeliverySchedule#now()} when no rule decided
   * @throws RuleExecutionException if rule code throws anything (errors included), the firing
   *     limit is reached, the time budget runs out, or too many earlier decisions are stuck
   */
  @Override
  public DeliverySchedule schedule(PendingDelivery pending) {
    Objects.requireNonNull(pending, "pending");
    State s = state.get();
    NotifyLog log = new NotifyLog(s.templateOfRule);
    fire(s, null, DeliveryFact.of(pending), log, "delivery schedule");
    return log.schedule();
  }

  private static void fire(State s, String id, Object fact, NotifyLog log, String what) {
    boolean warmingUp = s.runs.get() < RuleRunner.WARMUP_RUNS;
    List<String> fired = s.runner.run(id, warmingUp,
        watch -> s.rules.fire(id, List.of(fact), s.maxFirings, log, watch),
        watch -> s.rules.timeout(id, watch, s.runner.budget(), what));
    if (warmingUp) {
      s.runs.incrementAndGet();
    }
    for (String rule : fired) {
      LongAdder c = s.fireCounts.get(rule);
      if (c != null) {
        c.increment();
      }
    }
  }

  @Override
  public Set<String> templates() {
    return new TreeSet<>(state.get().templateOfRule.values());
  }

  /**
   * Returns the template each notify rule sends.
   *
   * @return rule name → template, sorted by rule
   */
  public Map<String, String> templateOfRules() {
    return Collections.unmodifiableMap(new TreeMap<>(state.get().templateOfRule));
  }

  /**
   * Recompiles the current rule set (re-reading files) and swaps it in atomically.
   *
   * @throws RuleCompilationException if the rules do not compile or name unknown templates; the
   *     current rules keep serving
   */
  public void reload() {
    reload(b -> {});
  }

  /**
   * Builds a new rule set from a copy of the current configuration changed by {@code changes},
   * and swaps it in atomically.
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
    return "NotifyEngine{" + ruleNames().size() + " rules}";
  }

  private record State(Builder spec, DroolsRules rules, Map<String, String> templateOfRule,
      int maxFirings, Map<String, LongAdder> fireCounts, RuleRunner runner, AtomicLong runs) {}

  /**
   * Configures a {@link NotifyEngine}. Not thread-safe.
   */
  public static final class Builder extends RulePackBuilder<Builder> {
    private NotificationTemplates templates;

    private Builder(PackSpec spec) {
      super(spec);
    }

    private Builder copy() {
      Builder b = new Builder(spec.copy());
      b.templates = templates;
      return b;
    }

    /**
     * Sets the templates rules' {@code @template} names are checked against (give the same to
     * {@code Notifications}).
     *
     * @param templates the templates
     * @return this builder
     */
    public Builder templates(NotificationTemplates templates) {
      this.templates = Objects.requireNonNull(templates, "templates");
      return this;
    }

    /**
     * Compiles the rules and checks their stages and templates.
     *
     * @return the engine
     * @throws RuleCompilationException if a file does not compile or touches what rule code may
     *     not (unless {@link #trustRules()}), a rule has no stage, a notify rule names no
     *     template or an unknown one, or a schedule rule names one
     * @throws ValidationException if a file cannot be read or a left-out rule does not exist
     */
    public NotifyEngine build() {
      return new NotifyEngine(copy().compile(null));
    }

    private State compile(RuleRunner previous) {
      List<RuleSource> defaultSources = spec.defaults
          ? List.of(RuleSource.classpath(DEFAULT_RESOURCE, NotifyEngine.class.getClassLoader()))
          : List.of();
      DroolsRules rules = DroolsRules.compile(defaultSources, spec.teamSources(),
          spec.withoutRules,
          List.of(STAGE_NOTIFY, STAGE_SCHEDULE), TriageEngine.DEFAULT_RULE_PRECEDENCE,
          TriageEngine.TEAM_RULE_PRECEDENCE,
          new DroolsRules.Options(GLOBAL, io.itsm.rules.facts.NotificationDecisions.class,
              spec.trusted, spec.cache()));
      NotificationTemplates t = templates == null ? NotificationTemplates.defaults() : templates;
      Map<String, String> templateOf = new ConcurrentHashMap<>();
      List<RuleProblem> problems = new ArrayList<>();
      for (DroolsRules.RuleInfo r : rules.ruleInfo().values()) {
        String template = r.metadata().get(TEMPLATE_ANNOTATION);
        if (r.stage() == null) {
          problems.add(new RuleProblem(r.file(), -1, -1, "rule '" + r.name() + "' must name its stage:"
              + " ruleflow-group \"" + STAGE_NOTIFY + "\" or \"" + STAGE_SCHEDULE + "\""));
        } else if (r.stage().equals(STAGE_NOTIFY)) {
          if (template == null || template.isBlank()) {
            problems.add(new RuleProblem(r.file(), -1, -1, "rule '" + r.name() + "' (stage notify) must"
                + " name the template it sends: @template(\"name\"); templates: " + String.join(", ", t.names())));
          } else if (!t.names().contains(template)) {
            problems.add(new RuleProblem(r.file(), -1, -1, "rule '" + r.name() + "' names template '"
                + template + "', which does not exist; templates: " + String.join(", ", t.names())));
          } else {
            templateOf.put(r.name(), template);
          }
        } else if (template != null) {
          problems.add(new RuleProblem(r.file(), -1, -1, "rule '" + r.name()
              + "' (stage schedule) decides when, not what: remove its @template"));
        }
      }
      if (!problems.isEmpty()) {
        throw new RuleCompilationException(problems);
      }
      Map<String, LongAdder> counts = new ConcurrentHashMap<>();
      for (String name : rules.ruleNames()) {
        counts.put(name, new LongAdder());
      }
      return new State(this, rules, Map.copyOf(templateOf), spec.maxRuleFirings, counts,
          spec.runner(previous, !rules.teamRuleNames().isEmpty()), new AtomicLong());
    }
  }
}
