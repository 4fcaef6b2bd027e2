package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.predict.PastIncident;
import io.itsm.rules.testkit.HelpDeskTickets;
import io.itsm.rules.testkit.TicketGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bulk triage: {@link TriageEngine#triageAll(List)} and its streaming form decide exactly as one
 * triage per ticket — results, explanations, overruled candidates, fired rules and failures —
 * and a runaway rule inside a batch is stopped, naming its ticket and rule, while the rest of
 * the batch is served. (BenchSuite checks the same on 100,000 generated tickets before it
 * measures bulk triage.)
 */
@Timeout(180)
class BulkTriageTest {

  @BeforeEach
  void reset() {
    Latch.reset();
  }

  @AfterEach
  void release() {
    Latch.release();
  }

  private static List<Ticket> mixedTickets(int generated, int helpDesk) {
    List<Ticket> tickets = new ArrayList<>(TicketGenerator.generate(generated, 7L));
    for (PastIncident p : HelpDeskTickets.generate(helpDesk, 11L)) {
      tickets.add(p.ticket());
    }
    return tickets;
  }

  private static void assertSameAsOneAtATime(TriageEngine engine, List<Ticket> tickets,
      List<TriageOutcome> bulk) {
    assertThat(bulk).hasSameSizeAs(tickets);
    for (int i = 0; i < tickets.size(); i++) {
      TriageOutcome o = bulk.get(i);
      assertThat(o.ticket()).isSameAs(tickets.get(i));
      TriageResult single = engine.triage(tickets.get(i));
      assertThat(o).isInstanceOf(TriageOutcome.Triaged.class);
      TriageResult r = o.orElseThrow();
      assertThat(r).as("ticket %d: %s", i, tickets.get(i)).isEqualTo(single);
      assertThat(r.decisions()).isEqualTo(single.decisions());
      assertThat(r.overruled()).isEqualTo(single.overruled());
      assertThat(r.firedRules()).isEqualTo(single.firedRules());
    }
  }

  @Test
  void triageAll_decidesExactlyAsOneTriagePerTicket_defaultPacks() {
    TriageEngine engine = TriageEngine.builder()
        .criticalConfigurationItems(TicketGenerator.CRITICAL_CONFIGURATION_ITEMS)
        .criticalServices(TicketGenerator.CRITICAL_SERVICES).build();
    List<Ticket> tickets = mixedTickets(2_000, 500);
    assertSameAsOneAtATime(engine, tickets, engine.triageAll(tickets));
  }

  @Test
  void triageAll_decidesExactlyAsOneTriagePerTicket_withTeamRulesThatInsertAndBound() {
    String team = RuleBudgetTest.HEADER
        + "import io.itsm.core.incident.Priority;\n"
        + "declare Seen\n  ticket : String\nend\n"
        + "rule \"Network tickets are seen\"\n  ruleflow-group \"route\"\nwhen\n"
        + "  DecidedSoFar(category == \"network\")\n  TicketFact($t : title)\n"
        + "then\n  insert(new Seen($t));\nend\n"
        + "rule \"Seen tickets are tagged\"\n  ruleflow-group \"dispatch\"\nwhen\n"
        + "  Seen($t : ticket)\nthen\n  decide.tag(\"seen\", \"saw \" + $t);\nend\n"
        + "rule \"VIPs are at least P2\"\n  ruleflow-group \"adjust\"\nwhen\n"
        + "  TicketFact(vip)\nthen\n  decide.atLeast(Priority.P2, \"vip\");\nend\n";
    TriageEngine engine = TriageEngine.builder().addRules("team.drl", team).build();
    List<Ticket> tickets = mixedTickets(800, 200);
    List<TriageOutcome> bulk = engine.triageAll(tickets);
    assertSameAsOneAtATime(engine, tickets, bulk);
    assertThat(bulk.stream().filter(o -> o.orElseThrow().tags().contains("seen")).count())
        .as("the inserted fact of one ticket is seen by that ticket only").isPositive()
        .isLessThan(tickets.size());
  }

  @Test
  void aRuleThatThrowsOnOneTicket_failsThatTicketAlone_withTheSameException() {
    String drl = RuleBudgetTest.HEADER
        + "rule \"Divides by the users\"\n" // 4
        + "  ruleflow-group \"route\"\n"
        + "when\n"
        + "  TicketFact($n : affectedUsers)\n"
        + "then\n"
        + "  decide.tag(\"share-\" + (100 / $n), \"per user\");\n" // 9
        + "end\n";
    TriageEngine engine = TriageEngine.builder().addRules("divide.drl", drl).build();
    List<Ticket> tickets = List.of(
        ticket("printer jam").id("A").affectedUsers(4).build(),
        ticket("vpn down").id("B").affectedUsers(0).build(),
        ticket("password reset").id("C").affectedUsers(5).build());
    List<TriageOutcome> bulk = engine.triageAll(tickets);
    assertThat(bulk.get(0).orElseThrow().tags()).contains("share-25");
    assertThat(bulk.get(2).orElseThrow().tags()).contains("share-20");
    assertThat(bulk.get(1)).isInstanceOf(TriageOutcome.Failed.class);
    RuleExecutionException single = catchThrowableOfType(RuleExecutionException.class,
        () -> engine.triage(tickets.get(1)));
    RuleExecutionException inBulk =
        (RuleExecutionException) ((TriageOutcome.Failed) bulk.get(1)).failure();
    assertThat(inBulk.getMessage()).isEqualTo(single.getMessage()).contains("B", "divide.drl:9");
    assertThat(inBulk.getRules()).containsExactly("Divides by the users");
    assertThat(bulk.get(1).resultIfTriaged()).isEmpty();
    assertThatThrownBy(() -> bulk.get(1).orElseThrow()).isSameAs(inBulk);
  }

  @Test
  void aRunawayRuleInABatch_isStoppedAtItsTicketsBudget_namingTicketAndRule_andTheRestIsServed() {
    TriageEngine engine = spinning(4);
    List<Ticket> tickets = List.of(ticket("one").id("T-1").build(),
        ticket("spin").id("T-2").build(), ticket("three").id("T-3").build(),
        ticket("four").id("T-4").build());
    long t0 = System.nanoTime();
    List<TriageOutcome> bulk = engine.triageAll(tickets);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(bulk.get(0).orElseThrow().tags()).contains("served");
    assertThat(bulk.get(2).orElseThrow().tags()).contains("served");
    assertThat(bulk.get(3).orElseThrow().tags()).contains("served");
    RuleExecutionException e =
        (RuleExecutionException) ((TriageOutcome.Failed) bulk.get(1)).failure();
    assertThat(e.getRules()).containsExactly("Spins until released");
    assertThat(e.getMessage()).contains("time budget of 100 ms", "'Spins until released'",
        "spin.drl:4", "T-2");
    assertThat(e.getIncidentId()).contains("T-2");
    // the batch waited for the stuck ticket's budget, not for the rule (which never returns)
    assertThat(millis).isLessThan(Duration.ofSeconds(20).toMillis());
  }

  @Test
  void pastTheStuckLimit_theRestOfTheBatchIsRefused_eachTicketWithItsOwnException() {
    TriageEngine engine = spinning(1);
    List<Ticket> tickets = List.of(ticket("spin").id("S-1").build(),
        ticket("two").id("S-2").build(), ticket("three").id("S-3").build());
    List<TriageOutcome> bulk = engine.triageAll(tickets);
    assertThat(bulk).allMatch(o -> o instanceof TriageOutcome.Failed);
    RuleExecutionException refused =
        (RuleExecutionException) ((TriageOutcome.Failed) bulk.get(2)).failure();
    assertThat(refused.getMessage()).contains("1 earlier rule runs are stuck");
    assertThat(refused.getIncidentId()).contains("S-3");
  }

  @Test
  void theStreamingForm_givesTheSameOutcomesInOrder_holdsOneBatch_andClosesTheSource() {
    TriageEngine engine = TriageEngine.withDefaults();
    List<Ticket> tickets = mixedTickets(700, 300);
    AtomicInteger pulled = new AtomicInteger();
    AtomicBoolean closed = new AtomicBoolean();
    List<TriageResult> streamed = new ArrayList<>();
    try (Stream<TriageOutcome> outcomes = engine.triageAll(
        tickets.stream().peek(t -> pulled.incrementAndGet()).onClose(() -> closed.set(true)),
        64)) {
      outcomes.forEach(o -> {
        streamed.add(o.orElseThrow());
        // lazily: never more than one batch ahead of what was consumed
        assertThat(pulled.get()).isLessThanOrEqualTo(streamed.size() + 63);
      });
    }
    assertThat(closed).isTrue();
    assertThat(streamed).isEqualTo(
        engine.triageAll(tickets).stream().map(TriageOutcome::orElseThrow).toList());
    assertThatThrownBy(() -> engine.triageAll(tickets.stream(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
  }

  @Test
  void anEmptyBatch_isEmpty_andANullTicket_isRejected() {
    TriageEngine engine = TriageEngine.withDefaults();
    assertThat(engine.triageAll(List.of())).isEmpty();
    assertThatThrownBy(() -> engine.triageAll(Arrays.asList(ticket("a").build(), null)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("ticket");
  }

  @Test
  void withoutTimeBudget_bulkRunsInTheCallersThread_andDecidesAlike() {
    TriageEngine engine = TriageEngine.builder().withoutTimeBudget().build();
    List<Ticket> tickets = mixedTickets(300, 100);
    assertSameAsOneAtATime(engine, tickets, engine.triageAll(tickets));
  }

  @Test
  void fireCounts_countBulkTriagesAsSingleOnes() {
    TriageEngine single = TriageEngine.withDefaults();
    TriageEngine bulk = TriageEngine.withDefaults();
    List<Ticket> tickets = mixedTickets(200, 100);
    tickets.forEach(single::triage);
    bulk.triageAll(tickets);
    assertThat(bulk.ruleFireCounts()).isEqualTo(single.ruleFireCounts());
    assertThat(bulk.ruleFireCounts().values().stream().collect(Collectors.summingLong(l -> l)))
        .isPositive();
  }

  private static TriageEngine spinning(int maxStuck) {
    TriageEngine.Builder b = TriageEngine.builder().addRules("spin.drl", RuleBudgetTest.SPIN)
        .trustRules().timeBudget(Duration.ofMillis(100)).maxStuckRuns(maxStuck);
    TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack);
    TriageEngine engine = b.build();
    List<Ticket> warm = new ArrayList<>();
    for (int i = 0; i <= io.itsm.rules.internal.RuleRunner.WARMUP_RUNS; i++) { // past the warm-up
      warm.add(ticket("warm").build());
    }
    engine.triageAll(warm);
    return engine;
  }
}
