package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.facts.DecidedSoFar;
import io.itsm.rules.facts.TicketFact;
import io.itsm.rules.facts.TriageSettings;
import io.itsm.rules.internal.KeywordFacts;
import io.itsm.rules.keywords.KeywordDictionary;
import io.itsm.rules.keywords.KeywordHit;
import io.itsm.rules.keywords.KeywordMatcher;
import io.itsm.rules.keywords.TextNormalizer;
import io.itsm.rules.testkit.TicketGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.Agenda;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.io.ResourceFactory;

/**
 * The least Drools work a per-ticket triage of the engine's shape can do: the engine's fact
 * classes, a rule base of one rule per stage that never matches (each fact class has a pattern,
 * so every insert reaches an object type node and one constraint, and nothing joins or fires),
 * the same facts per ticket as {@link TriageEngine} inserts through the default packs, eight
 * stage focus and {@code fireAllRules} calls, and the session cleaned for the next ticket.
 *
 * <p>The facts of each ticket are built once, when the floor is made, so a run is Drools' work
 * alone. What the engine does on top of this — normalization, keyword matching, building the
 * facts, the rules' joins and consequences, the decisions — is work the hand-written baseline
 * does too, or work of the rules themselves; so {@code (baseline + floor) / baseline} bounds the
 * ratio any design that runs Drools per ticket this way can reach.
 *
 * <p>Three designs, as {@link Design}: the pooled session reset on dispose, a session that keeps
 * the settings and the team map and deletes the ticket's facts (what the engine does now), and
 * that kept session given a whole batch at once ({@link #runAll}). Thread-safe: each run takes a
 * session of its own.
 */
public final class DroolsFloor {

  /** How the session is cleaned between tickets. */
  public enum Design {
    /** All facts inserted into a pooled session; {@code dispose()} resets it. */
    RESET,
    /** Settings and team map stay in the session; the ticket's facts are deleted. */
    KEEP,
    /**
     * One session for a whole batch ({@link #runAll}): settings and team map stay, every ticket's
     * facts and a {@code DecidedSoFar} of its own go in together, the eight stages fire once for
     * the batch, and the facts are deleted. The floor of a bulk design that amortizes the stage
     * fires over many tickets; the rules here never match, so it is correct only as a floor (real
     * rules would have to join every pattern on the ticket).
     */
    SHARED
  }

  /** One rule per stage, none can match: every fact class has a pattern. */
  static final String RULES =
      """
      package io.itsm.examples.bench.floor;

      import io.itsm.rules.TeamMap;
      import io.itsm.rules.facts.CategoryHits;
      import io.itsm.rules.facts.DecidedSoFar;
      import io.itsm.rules.facts.SubcategoryHits;
      import io.itsm.rules.facts.TicketFact;
      import io.itsm.rules.facts.TriageSettings;

      global io.itsm.rules.facts.RuleDecisions decide;

      rule "categorize: never" ruleflow-group "categorize"
      when CategoryHits(rank < 0) then end

      rule "subcategorize: never" ruleflow-group "subcategorize"
      when SubcategoryHits(rank < 0) then end

      rule "assess: never" ruleflow-group "assess"
      when TicketFact(affectedUsers < 0) then end

      rule "prioritize: never" ruleflow-group "prioritize"
      when DecidedSoFar(category == "never") then end

      rule "adjust: never" ruleflow-group "adjust"
      when TriageSettings(affectedUsersThreshold < 0) then end

      rule "route: never" ruleflow-group "route"
      when TeamMap(fallbackTeam == "never") then end

      rule "dispatch: never" ruleflow-group "dispatch"
      when TicketFact(affectedUsers < -1) then end

      rule "approve: never" ruleflow-group "approve"
      when DecidedSoFar(category == "never!") then end
      """;

  private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

  private final Design design;
  private final boolean updates;
  private final KieBase kieBase;
  private final KieSessionsPool pool;
  private final BlockingQueue<Kept> kept = new ArrayBlockingQueue<>(8);
  private final List<Object> permanent;
  private final Map<Ticket, Object[]> facts = new IdentityHashMap<>();
  private final long factCount;

  private DroolsFloor(
      List<Ticket> tickets,
      KeywordDictionary dictionary,
      TeamMap teams,
      Set<String> criticalCis,
      Set<String> criticalServices,
      Design design,
      boolean updates) {
    this.design = Objects.requireNonNull(design, "design");
    this.updates = updates;
    this.kieBase = build();
    this.pool = kieBase.newKieSessionsPool(2);
    this.permanent =
        List.of(new TriageSettings(TriageEngine.DEFAULT_AFFECTED_USERS_THRESHOLD), teams);
    KeywordMatcher matcher = KeywordMatcher.of(dictionary);
    long count = 0;
    for (Ticket t : tickets) {
      // exactly the facts TriageEngine inserts through the default packs (no KeywordHit: no
      // default rule matches one), DecidedSoFar aside
      List<KeywordHit> hits = matcher.match(NORMALIZER.normalize(t.title() + "\n" + t.description()));
      Instant openedAt = t.openedAt().orElse(Instant.EPOCH);
      List<Object> f = new ArrayList<>();
      f.add(
          TicketFact.of(
              t,
              openedAt,
              t.configurationItem().map(criticalCis::contains).orElse(false),
              t.service().map(criticalServices::contains).orElse(false),
              TriageEngine.DEFAULT_BUSINESS_HOURS.test(openedAt)));
      KeywordFacts.addTo(hits, f, false);
      facts.put(t, f.toArray());
      count += f.size() + 1 + permanent.size();
    }
    this.factCount = count;
  }

  /**
   * The floor for tickets of {@link TicketGenerator} with the default dictionary and team map,
   * as {@link BenchData#generatedTicketsEngine()} triages them.
   *
   * @param tickets the tickets {@link #run} will be given
   * @param design how sessions are cleaned between tickets
   * @param updates whether {@code DecidedSoFar} is updated after each stage but the last, as if every
   *     stage changed a decision (the engine updates it only when a stage did)
   * @return the floor
   */
  public static DroolsFloor forGeneratedTickets(
      List<Ticket> tickets, Design design, boolean updates) {
    return new DroolsFloor(
        tickets,
        KeywordDictionary.defaults(),
        TeamMap.defaults(),
        TicketGenerator.CRITICAL_CONFIGURATION_ITEMS,
        TicketGenerator.CRITICAL_SERVICES,
        design,
        updates);
  }

  /**
   * Returns the average number of facts a run inserts per ticket (permanent facts and
   * {@code DecidedSoFar} included, whether or not the design inserts them every time).
   *
   * @return facts per ticket
   */
  public double factsPerTicket() {
    return (double) factCount / facts.size();
  }

  /**
   * Does one ticket's Drools work: inserts its facts, focuses and fires the eight stages, and
   * cleans the session.
   *
   * @param ticket one of the tickets the floor was made for
   * @return the number of rules that fired (always 0)
   * @throws IllegalArgumentException if the floor was not made for this ticket
   */
  public long run(Ticket ticket) {
    Object[] f = factsOf(ticket);
    return switch (design) {
      case RESET -> runReset(f);
      case KEEP -> runKept(f);
      case SHARED -> runShared(List.<Object[]>of(f));
    };
  }

  /**
   * Does the Drools work of a batch of tickets: with {@link Design#SHARED} all of them in one
   * session, eight stage fires for the batch; otherwise {@link #run} for each.
   *
   * @param batch tickets the floor was made for
   * @return the number of rules that fired (always 0)
   * @throws IllegalArgumentException if the floor was not made for one of the tickets
   */
  public long runAll(List<Ticket> batch) {
    if (design != Design.SHARED) {
      long fired = 0;
      for (Ticket t : batch) {
        fired += run(t);
      }
      return fired;
    }
    List<Object[]> f = new ArrayList<>(batch.size());
    for (Ticket t : batch) {
      f.add(factsOf(t));
    }
    return runShared(f);
  }

  /**
   * Adapts {@link #run} to a {@link TriagePolicy} for harnesses that time policies; the result
   * is always null.
   *
   * @return a policy that runs the floor and returns null
   */
  public TriagePolicy asPolicy() {
    return t -> {
      run(t);
      return null;
    };
  }

  private Object[] factsOf(Ticket ticket) {
    Object[] f = facts.get(ticket);
    if (f == null) {
      throw new IllegalArgumentException("ticket must be one the floor was made for, but was "
          + ticket.id().orElse("a ticket without id"));
    }
    return f;
  }

  private long runShared(List<Object[]> batch) {
    Kept k = kept.poll();
    if (k == null) {
      k = new Kept(kieBase.newKieSession());
    }
    KieSession session = k.session;
    List<FactHandle> handles = new ArrayList<>(batch.size() * 10);
    FactHandle[] decided = new FactHandle[batch.size()];
    for (int t = 0; t < batch.size(); t++) {
      for (Object o : batch.get(t)) {
        handles.add(session.insert(o));
      }
      // a fact of its own per ticket: the session keeps one handle per object identity
      decided[t] = session.insert(nothingDecided());
    }
    long fired = fireStages(session, decided);
    for (FactHandle h : handles) {
      session.delete(h);
    }
    for (FactHandle h : decided) {
      session.delete(h);
    }
    if (!kept.offer(k)) {
      session.dispose();
    }
    return fired;
  }

  private static DecidedSoFar nothingDecided() {
    return new DecidedSoFar(null, null, null, null, null, null, null, null);
  }

  private long runReset(Object[] f) {
    KieSession session = pool.newKieSession();
    try {
      for (Object p : permanent) {
        session.insert(p);
      }
      return fire(session, f);
    } finally {
      session.dispose();
    }
  }

  private long runKept(Object[] f) {
    Kept k = kept.poll();
    if (k == null) {
      k = new Kept(kieBase.newKieSession());
    }
    FactHandle[] handles = k.handles.length == f.length + 1 ? k.handles : new FactHandle[f.length + 1];
    KieSession session = k.session;
    long fired;
    for (int i = 0; i < f.length; i++) {
      handles[i] = session.insert(f[i]);
    }
    handles[f.length] = session.insert(DecidedSoFar.NOTHING);
    fired = fireStages(session, handles[f.length]);
    for (FactHandle h : handles) {
      session.delete(h);
    }
    k.handles = handles;
    if (!kept.offer(k)) {
      session.dispose();
    }
    return fired;
  }

  private long fire(KieSession session, Object[] f) {
    for (Object o : f) {
      session.insert(o);
    }
    return fireStages(session, session.insert(DecidedSoFar.NOTHING));
  }

  /**
   * Focuses and fires the eight stages; with {@code updates}, replaces each {@code DecidedSoFar}
   * after every stage but the last (with a new object, as the engine does).
   */
  private long fireStages(KieSession session, FactHandle... decided) {
    Agenda agenda = session.getAgenda();
    long fired = 0;
    int last = TriageEngine.STAGES.size() - 1;
    for (int i = 0; i <= last; i++) {
      agenda.getAgendaGroup(TriageEngine.STAGES.get(i)).setFocus();
      fired += session.fireAllRules(TriageEngine.DEFAULT_MAX_RULE_FIRINGS);
      if (updates && i < last) {
        for (FactHandle h : decided) {
          session.update(h, nothingDecided());
        }
      }
    }
    return fired;
  }

  private final class Kept {
    final KieSession session;
    FactHandle[] handles = new FactHandle[0];

    Kept(KieSession session) {
      this.session = session;
      for (Object p : permanent) {
        session.insert(p);
      }
    }
  }

  private static KieBase build() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader ours = DroolsFloor.class.getClassLoader();
    thread.setContextClassLoader(ours);
    try {
      KnowledgeBuilderConfiguration conf =
          KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, ours);
      conf.setOption(PropertySpecificOption.ALLOWED); // as the engine
      KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
      builder.add(
          ResourceFactory.newByteArrayResource(RULES.getBytes(StandardCharsets.UTF_8)),
          ResourceType.DRL);
      if (builder.hasErrors()) {
        throw new IllegalStateException(builder.getErrors().toString());
      }
      return builder.newKieBase();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
