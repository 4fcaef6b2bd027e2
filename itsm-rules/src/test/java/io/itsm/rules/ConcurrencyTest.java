package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.testkit.TicketGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thread safety and atomic reloads under load. */
class ConcurrencyTest {

  static final int THREADS = 8;

  @Test
  void eightThreads_giveExactlyTheSingleThreadResults() throws Exception {
    TriageEngine engine =
        TriageEngine.builder()
            .criticalConfigurationItems(TicketGenerator.CRITICAL_CONFIGURATION_ITEMS)
            .criticalServices(TicketGenerator.CRITICAL_SERVICES)
            .build();
    List<Ticket> tickets = TicketGenerator.generate(5_000);
    assertThat(TicketGenerator.generate(5_000)).isEqualTo(tickets);
    List<TriageResult> expected = new ArrayList<>();
    for (Ticket t : tickets) {
      expected.add(engine.triage(t));
    }
    TriageResult[] actual = new TriageResult[tickets.size()];
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        int worker = w;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = worker; i < tickets.size(); i += THREADS) {
                    actual[i] = engine.triage(tickets.get(i));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(List.of(actual)).isEqualTo(expected);
    assertThat(engine.ruleFireCounts().get("Each category goes to its team")).isPositive();
  }

  @Test
  void reload_swapsAtomically_andAFailedReloadKeepsTheOldRules(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("team.drl");
    Files.writeString(file, teamRule("finance-desk"));
    // reloads compile on a busy machine while four threads triage: this test is about atomic
    // swaps, so the budget is generous (RuleBudgetTest tests the budget)
    TriageEngine engine =
        TriageEngine.builder().addRules(file).timeBudget(java.time.Duration.ofSeconds(10)).build();
    Ticket ticket = Tickets.ticket("vpn down").build();
    assertThat(engine.triage(ticket).team()).contains("finance-desk");

    AtomicBoolean stop = new AtomicBoolean();
    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    Queue<String> teams = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int w = 0; w < THREADS; w++) {
        pool.submit(
            () -> {
              while (!stop.get()) {
                try {
                  teams.add(engine.triage(ticket).team().orElse("none"));
                } catch (Throwable t) {
                  errors.add(t);
                }
              }
            });
      }
      Files.writeString(file, "package team;\nrule \"Broken\" when TicketFact( then end\n");
      RuleCompilationException e =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              RuleCompilationException.class, engine::reload);
      assertThat(e.getProblems().get(0).file()).isEqualTo(file.toString());
      assertThat(engine.triage(ticket).team()).contains("finance-desk");

      Files.writeString(file, teamRule("payroll-desk"));
      engine.reload();
      assertThat(engine.triage(ticket).team()).contains("payroll-desk");

      engine.reload(b -> b.withoutRule("Team: everything goes to a desk"));
      assertThat(engine.triage(ticket).team()).contains("network-ops");
      Thread.sleep(50);
    } finally {
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }
    assertThat(errors).isEmpty();
    assertThat(teams).isNotEmpty().allMatch(
        t -> t.equals("finance-desk") || t.equals("payroll-desk") || t.equals("network-ops"));
  }

  @Test
  void concurrentReloads_areSerialized_andNoneIsLost() throws Exception {
    TriageEngine.Builder b = TriageEngine.builder();
    TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack);
    TriageEngine engine = b.build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        calls.add(pool.submit(() -> {
          for (int i = 0; i < 8; i++) {
            String name = "t" + thread + "r" + i;
            engine.reload(x -> x.addRules(name + ".drl", "package " + name + ";\n"
                + "import io.itsm.rules.facts.*;\n"
                + "global io.itsm.rules.facts.RuleDecisions decide;\n"
                + "rule \"" + name + "\" ruleflow-group \"route\" when TicketFact() then end\n"));
          }
          return null;
        }));
      }
      for (Future<?> f : calls) {
        f.get(5, TimeUnit.MINUTES); // all 16 calls return
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(engine.ruleNames()).hasSize(16);
  }

  static String teamRule(String team) {
    return "package team;\nimport io.itsm.rules.facts.*;\n"
        + "import io.itsm.core.triage.TriageAttribute;\n"
        + "global io.itsm.rules.facts.RuleDecisions decide;\n"
        + "rule \"Team: everything goes to a desk\" ruleflow-group \"route\"\n"
        + "when TicketFact() then decide.team(\"" + team
        + "\", \"test\"); end\n";
  }
}
