package io.itsm.rules;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.CapturePolicy;
import io.itsm.core.knowledge.CaptureRequest;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.ResolvedIncident;
import io.itsm.rules.facts.CaptureSettings;
import io.itsm.rules.facts.ResolutionFact;
import io.itsm.rules.internal.CaptureLog;
import io.itsm.rules.internal.DroolsRules;
import io.itsm.rules.internal.ResolutionMemory;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.RuleRunner;
import io.itsm.rules.internal.RuleSource;
import io.itsm.rules.knowledge.internal.ArticleAnalysis;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Knowledge capture as Drools rules: a {@link CapturePolicy} for {@code KnowledgeCapture}, which
 * decides when a resolved incident should be written down in the knowledge base. The default pack
 * ({@value #DEFAULT_RESOURCE}) asks for a new article when a category was resolved the same way
 * {@link CaptureSettings#sameWayCount() 3 times} without an article, and for the next version of
 * the article used when the resolution adds {@link CaptureSettings#minNewWords() 30 %} new words
 * to it.
 *
 * <pre>{@code
 * KnowledgeCapture capture = KnowledgeCapture.of(CaptureEngine.withDefaults());
 * ServiceDesk desk = ServiceDesk.builder().listener(capture).build();
 * KnowledgeBase kb = KnowledgeBase.builder().desk(desk).capture(capture).build();
 * }</pre>
 *
 * <h2>Facts and decisions</h2>
 *
 * Per resolution the engine inserts one {@link ResolutionFact} (category, code, the article used,
 * the share of new words, how many resolutions the same way) and the {@link CaptureSettings};
 * rules call the global {@link io.itsm.rules.facts.CaptureDecisions capture}. The firing rule's
 * name becomes the draft's {@code decidedBy}. Rules may leave out {@code ruleflow-group}; the only
 * legal one is {@value #STAGE}.
 *
 * <h2>Memory</h2>
 *
 * To count resolutions "the same way" the engine remembers, in memory, the recent resolutions it
 * was asked about (per category and code, {@value ResolutionMemory#MAX_PER_KEY} at most, within
 * the window). After a restart the counts start again, unless the application replays its recent
 * resolutions through {@link #decide} (whose answers it may ignore).
 *
 * <p>Rule files are contained, budgeted and reported exactly as triage rule files are (see {@link
 * TriageEngine}).
 *
 * <p>Thread-safe.
 */
public final class CaptureEngine implements CapturePolicy {

  /** The classpath resource of the default pack. */
  public static final String DEFAULT_RESOURCE = "io/itsm/rules/capture.drl";

  /** The one stage (ruleflow-group) capture rules may name; rules without one fire too. */
  public static final String STAGE = "capture";

  /** The name of the global every capture rule file declares. */
  public static final String GLOBAL = "capture";

  private final DroolsRules rules;
  private final CaptureSettings settings;
  private final RuleRunner runner;
  private final int maxFirings;
  private final ResolutionMemory memory = new ResolutionMemory();
  private final AtomicLong runs = new AtomicLong();

  private CaptureEngine(Builder b) {
    PackSpec spec = b.spec.copy();
    List<RuleSource> defaults = spec.defaults
        ? List.of(RuleSource.classpath(DEFAULT_RESOURCE, CaptureEngine.class.getClassLoader()))
        : List.of();
    this.rules = DroolsRules.compile(defaults, spec.teamSources(), spec.withoutRules,
        List.of(STAGE), TriageEngine.DEFAULT_RULE_PRECEDENCE, TriageEngine.TEAM_RULE_PRECEDENCE,
        new DroolsRules.Options(GLOBAL, io.itsm.rules.facts.CaptureDecisions.class, spec.trusted,
            spec.cache()));
    this.settings = b.settings;
    this.runner = spec.runner(null, !rules.teamRuleNames().isEmpty());
    this.maxFirings = spec.maxRuleFirings;
  }

  /**
   * Returns an engine with the default pack and settings.
   *
   * @return a new engine
   */
  public static CaptureEngine withDefaults() {
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
   * Decides for one resolution, and remembers it for the counts of later ones.
   *
   * @param resolved the resolved incident
   * @return the request of the last rule that asked, or empty
   * @throws RuleExecutionException if rule code fails, the firing limit is reached or the time
   *     budget runs out
   */
  @Override
  public Optional<CaptureRequest> decide(ResolvedIncident resolved) {
    Objects.requireNonNull(resolved, "resolved");
    ResolutionFact fact = fact(resolved);
    CaptureLog log = new CaptureLog(resolved.articleUsed().isPresent());
    String id = fact.incidentId();
    boolean warm = runs.get() < RuleRunner.WARMUP_RUNS;
    runner.run(id, warm, watch -> rules.fire(id, List.of(fact, settings), maxFirings, log, watch),
        watch -> rules.timeout(id, watch, runner.budget(), "capture decision"));
    if (warm) {
      runs.incrementAndGet();
    }
    return log.request();
  }

  private ResolutionFact fact(ResolvedIncident r) {
    Incident inc = r.incident();
    String language = inc.caller().flatMap(Caller::language).map(l -> l.toLowerCase(Locale.ROOT))
        .filter(ArticleText.LANGUAGES::contains).orElse(ArticleText.DEFAULT_LANGUAGE);
    Set<String> stems = new LinkedHashSet<>(ArticleAnalysis.of(r.resolution().steps(), language)
        .stems());
    String category = inc.category().orElse(null);
    List<String> same = category == null ? List.of()
        : memory.countAndRemember(category + "|" + r.resolution().code(), inc.id(), stems,
            r.resolution().resolvedAt(), r.articleUsed().isPresent(), settings.window(),
            settings.sameWaySimilarity());
    double newWords = 1;
    if (r.articleUsed().isPresent() && !stems.isEmpty()) {
      Set<String> known = articleStems(r.articleUsed().get());
      long fresh = stems.stream().filter(s -> !known.contains(s)).count();
      newWords = (double) fresh / stems.size();
    }
    return new ResolutionFact(inc.id(), category, inc.subcategory().orElse(null),
        inc.service().orElse(null), r.resolution().code(), r.resolution().firstContact(),
        r.articleUsed().map(KnowledgeArticle::id).orElse(null),
        r.articleUsed().map(KnowledgeArticle::kind).orElse(null), newWords,
        r.articleUsed().isPresent() ? 1 : same.size() + 1, same);
  }

  /** Every stemmed word of every translation of the version readers see. */
  private static Set<String> articleStems(KnowledgeArticle a) {
    ArticleContent c = a.published().orElse(a.current()).content();
    Set<String> out = new HashSet<>();
    for (ArticleText t : c.translations()) {
      StringBuilder sb = new StringBuilder(t.title()).append('\n').append(t.symptoms());
      t.steps().forEach(s -> sb.append('\n').append(s));
      t.workaround().ifPresent(w -> sb.append('\n').append(w));
      out.addAll(ArticleAnalysis.of(sb.toString(), t.language()).stems());
    }
    return out;
  }

  /**
   * Returns the names of the loaded rules.
   *
   * @return an immutable, sorted list
   */
  public List<String> ruleNames() {
    return rules.ruleNames();
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public CaptureSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "CaptureEngine{" + ruleNames().size() + " rules}";
  }

  /**
   * Configures a {@link CaptureEngine}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder extends RulePackBuilder<Builder> {
    private CaptureSettings settings = CaptureSettings.DEFAULTS;

    private Builder(PackSpec spec) {
      super(spec);
    }

    /**
     * Sets the thresholds and counting (default {@link CaptureSettings#DEFAULTS}).
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(CaptureSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Compiles the rules and builds the engine.
     *
     * @return the engine
     * @throws RuleCompilationException if the rules do not compile or touch what rule code may not
     * @throws ValidationException if a file cannot be read or a left-out rule does not exist
     */
    public CaptureEngine build() {
      return new CaptureEngine(this);
    }
  }
}
