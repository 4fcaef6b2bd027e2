package io.itsm.rules;

import io.itsm.core.ValidationException;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.problem.ProblemDetectionPolicy;
import io.itsm.core.problem.ProblemProposal;
import io.itsm.rules.facts.NewIncidentFact;
import io.itsm.rules.facts.ProblemProposals;
import io.itsm.rules.facts.RecentIncidentFact;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.RulePack;
import io.itsm.rules.internal.Vote;
import io.itsm.rules.internal.VoteLog;
import io.itsm.rules.predict.PastIncident;
import io.itsm.rules.predict.SimilarIncidents;
import io.itsm.rules.predict.internal.TicketText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Recurrence detection as Drools rules: a {@link ProblemDetectionPolicy} for {@code
 * Problems.builder().detection(..)} or {@code Improvement.builder().problemDetection(..)}, with
 * the default pack ({@value #DEFAULT_RESOURCE}) plus your own rule files: N similar incidents
 * within T days propose a problem.
 *
 * <pre>{@code
 * SimilarIncidents index = SimilarIncidents.builder().build();   // shared with triage, if you like
 * RecurrenceEngine recurrence = RecurrenceEngine.builder().similarIncidents(index).build();
 * }</pre>
 *
 * <h2>Facts and proposals</h2>
 *
 * Per new incident the engine inserts one {@link NewIncidentFact} and one {@link
 * RecentIncidentFact} per incident logged within the look-back before it, each saying what it
 * shares with the new one: category, service, configuration item, and text. Rules gather the
 * recent ones with {@code accumulate} and call the global {@code problems} ({@link
 * ProblemProposals}): {@code propose(title, incidentIds, reason)}; the engine adds the new
 * incident and the category, service and configuration item they all share.
 *
 * <p><b>Similar text</b> comes from a {@link SimilarIncidents} index ({@link
 * Builder#similarIncidents}): a recent incident has similar text when it is among the new
 * incident's {@link Builder#similarCandidates k} most similar (BM25) and shares at least {@link
 * Builder#similarOverlap a share} of its stemmed words. The engine adds every incident it is asked
 * about to the index (as open), so an index given only to it stays current. Without an index no
 * text is similar (word overlap is still computed for your rules).
 *
 * <p>The default pack: three incidents on one configuration item within 7 days; five on one
 * service within 7 days; five of one category with similar text within 14 days.
 *
 * <p>Contained, budgeted and reloaded as the other packs (see {@link RulePackBuilder}).
 *
 * <p>Thread-safe.
 */
public final class RecurrenceEngine implements ProblemDetectionPolicy {

  /** The classpath resource of the default pack. */
  public static final String DEFAULT_RESOURCE = "io/itsm/rules/problem.drl";

  /** The one stage (ruleflow-group) recurrence rules may name. */
  public static final String STAGE = "recurrence";

  /** The name of the global every recurrence rule file declares. */
  public static final String GLOBAL = "problems";

  /** How many of the most similar incidents count as similar text by default. */
  public static final int DEFAULT_SIMILAR_CANDIDATES = 20;

  /** The least share of words similar incidents have in common by default. */
  public static final double DEFAULT_SIMILAR_OVERLAP = 0.2;

  private static final int MAX_CACHED_STEMS = 100_000;

  private static final RulePack.Definition DEFINITION = new RulePack.Definition(DEFAULT_RESOURCE,
      STAGE, GLOBAL, ProblemProposals.class, "recurrence decision");

  /** The settings besides the rules. */
  private record Settings(Duration lookBack, Optional<SimilarIncidents> index, int candidates,
      double overlap) {}

  private final RulePack pack;
  private final AtomicReference<Settings> settings;
  private final Map<String, Set<String>> stems = new ConcurrentHashMap<>();

  private RecurrenceEngine(RulePack pack, Settings settings) {
    this.pack = pack;
    this.settings = new AtomicReference<>(settings);
  }

  /**
   * Returns an engine with the default pack, without a similar-incident index.
   *
   * @return a new engine
   */
  public static RecurrenceEngine withDefaults() {
    return builder().build();
  }

  /**
   * Starts configuring an engine; the default pack is on.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(null, new Settings(DEFAULT_LOOK_BACK, Optional.empty(),
        DEFAULT_SIMILAR_CANDIDATES, DEFAULT_SIMILAR_OVERLAP));
  }

  @Override
  public Duration lookBack() {
    return settings.get().lookBack();
  }

  /**
   * Proposes problems for a new incident.
   *
   * @param incident the new incident
   * @param recent the incidents logged within the look-back before it
   * @return the proposals, in the order the rules made them
   * @throws RuleExecutionException if rule code fails, the firing limit is reached or the time
   *     budget runs out
   */
  @Override
  public List<ProblemProposal> propose(Incident incident, List<Incident> recent) {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(recent, "recent");
    Settings s = settings.get();
    Ticket ticket = ticketOf(incident);
    Set<String> mine = stemsOf(incident.id(), ticket);
    Map<String, Integer> ranks = new HashMap<>();
    if (s.index().isPresent()) {
      SimilarIncidents index = s.index().get();
      index.add(new PastIncident(ticket, incident.category().orElse(null),
          incident.team().orElse(null), incident.priority().orElse(null), null, true));
      index.similar(ticket, s.candidates()).forEach(m -> ranks.put(m.incidentId(), m.rank()));
    }
    List<Object> facts = new ArrayList<>();
    facts.add(new NewIncidentFact(incident.id(), incident.title(),
        incident.category().orElse(null), incident.service().orElse(null),
        incident.configurationItem().orElse(null), incident.priority().orElse(null),
        incident.openedAt()));
    Map<String, Incident> byId = new HashMap<>();
    for (Incident r : recent) {
      if (r.id().equals(incident.id())) {
        continue;
      }
      byId.put(r.id(), r);
      double overlap = jaccard(mine, stemsOf(r.id(), ticketOf(r)));
      int rank = ranks.getOrDefault(r.id(), 0);
      facts.add(new RecentIncidentFact(r.id(), r.category().orElse(null),
          r.service().orElse(null), r.configurationItem().orElse(null),
          Duration.between(r.openedAt(), incident.openedAt()).toMillis() / 86_400_000.0,
          same(r.category(), incident.category()), same(r.service(), incident.service()),
          same(r.configurationItem(), incident.configurationItem()), rank, overlap,
          rank > 0 && overlap >= s.overlap()));
    }
    VoteLog log = new VoteLog();
    pack.fire(incident.id(), facts, log);
    List<ProblemProposal> out = new ArrayList<>();
    for (Vote v : log.votes()) {
      if (!v.kind().equals("propose")) {
        continue;
      }
      VoteLog.Proposal p = (VoteLog.Proposal) v.value();
      for (String id : p.incidentIds()) {
        if (!byId.containsKey(id)) {
          throw new ValidationException("rule '" + v.rule() + "' proposed a problem with incident "
              + id + ", which is not among the recent incidents it was given");
        }
      }
      // in the order the incidents were logged (accumulate gathers them in no set order)
      List<Incident> members = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>();
      for (Incident r : recent) {
        if (p.incidentIds().contains(r.id()) && ids.add(r.id())) {
          members.add(r);
        }
      }
      members.add(incident);
      ids.add(incident.id());
      out.add(new ProblemProposal(p.title(), List.copyOf(ids), shared(members,
          Incident::category), shared(members, Incident::service),
          shared(members, Incident::configurationItem), Provenance.rule(v.rule(), v.reason())));
    }
    return List.copyOf(out);
  }

  private Set<String> stemsOf(String id, Ticket ticket) {
    Set<String> cached = stems.get(id);
    if (cached != null) {
      return cached;
    }
    if (stems.size() >= MAX_CACHED_STEMS) {
      stems.clear();
    }
    Set<String> s = Set.copyOf(new HashSet<>(TicketText.of(ticket).stems()));
    stems.put(id, s);
    return s;
  }

  /** The incident's ticket, with the incident's id (the index and the cache key by it). */
  private static Ticket ticketOf(Incident i) {
    return i.ticket().toBuilder().id(i.id()).build();
  }

  private static boolean same(Optional<String> a, Optional<String> b) {
    return a.isPresent() && a.equals(b);
  }

  private static Optional<String> shared(List<Incident> incidents,
      Function<Incident, Optional<String>> value) {
    Set<Optional<String>> values = new HashSet<>();
    incidents.forEach(i -> values.add(value.apply(i)));
    return values.size() == 1 ? values.iterator().next() : Optional.empty();
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String s : a) {
      if (b.contains(s)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  /**
   * Recompiles the current rule set and swaps it in atomically.
   *
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   * @throws ValidationException if a file cannot be read
   */
  public void reload() {
    pack.reload(s -> { });
  }

  /**
   * Builds a new rule set (and settings) from a copy of the current configuration changed by
   * {@code changes}, and swaps them in.
   *
   * @param changes changes to a copy of the current builder
   * @throws RuleCompilationException if the rules do not compile; the current ones keep serving
   * @throws ValidationException if the configuration is invalid
   */
  public void reload(Consumer<Builder> changes) {
    Objects.requireNonNull(changes, "changes");
    AtomicReference<Settings> next = new AtomicReference<>();
    pack.reload(spec -> {
      Builder b = new Builder(spec, settings.get());
      changes.accept(b);
      next.set(b.settings);
    });
    settings.set(next.get());
  }

  /**
   * Returns the names of all loaded rules.
   *
   * @return an immutable, sorted list
   */
  public List<String> ruleNames() {
    return pack.ruleNames();
  }

  /**
   * Returns how often each loaded rule fired since the rule set was built or reloaded.
   *
   * @return an immutable snapshot, sorted by rule name
   */
  public Map<String, Long> ruleFireCounts() {
    return pack.ruleFireCounts();
  }

  @Override
  public String toString() {
    return "RecurrenceEngine{" + ruleNames().size() + " rules, look-back " + lookBack() + "}";
  }

  /**
   * Configures a {@link RecurrenceEngine}; see {@link RulePackBuilder}. Not thread-safe.
   */
  public static final class Builder extends RulePackBuilder<Builder> {

    private Settings settings;

    private Builder(PackSpec spec, Settings settings) {
      super(spec);
      this.settings = settings;
    }

    /**
     * Sets how far back recent incidents reach (what {@code Problems} keeps and hands over).
     *
     * @param lookBack positive; default {@link ProblemDetectionPolicy#DEFAULT_LOOK_BACK}
     * @return this builder
     * @throws ValidationException if not positive
     */
    public Builder lookBack(Duration lookBack) {
      Objects.requireNonNull(lookBack, "lookBack");
      if (lookBack.isZero() || lookBack.isNegative()) {
        throw new ValidationException("lookBack must be positive, but was " + lookBack);
      }
      settings = new Settings(lookBack, settings.index(), settings.candidates(),
          settings.overlap());
      return this;
    }

    /**
     * Sets the index similar text comes from.
     *
     * @param index the index
     * @return this builder
     */
    public Builder similarIncidents(SimilarIncidents index) {
      settings = new Settings(settings.lookBack(), Optional.of(Objects.requireNonNull(index,
          "index")), settings.candidates(), settings.overlap());
      return this;
    }

    /**
     * Sets how many of the most similar incidents may count as similar text.
     *
     * @param k 1 or more; default {@value #DEFAULT_SIMILAR_CANDIDATES}
     * @return this builder
     * @throws ValidationException if below 1
     */
    public Builder similarCandidates(int k) {
      if (k < 1) {
        throw new ValidationException("similarCandidates must be at least 1, but was " + k);
      }
      settings = new Settings(settings.lookBack(), settings.index(), k, settings.overlap());
      return this;
    }

    /**
     * Sets the least share of stemmed words two incidents must have in common to count as
     * similar text.
     *
     * @param share from 0 to 1; default {@value #DEFAULT_SIMILAR_OVERLAP}
     * @return this builder
     * @throws ValidationException if outside 0 to 1
     */
    public Builder similarOverlap(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new ValidationException("similarOverlap must be from 0 to 1, but was " + share);
      }
      settings = new Settings(settings.lookBack(), settings.index(), settings.candidates(),
          share);
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
    public RecurrenceEngine build() {
      return new RecurrenceEngine(new RulePack(DEFINITION, spec), settings);
    }
  }
}
