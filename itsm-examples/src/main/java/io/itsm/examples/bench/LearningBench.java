package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.examples.bench.BenchSuite.Mode;
import io.itsm.examples.bench.BenchSuite.Row;
import io.itsm.examples.bench.BenchSuite.Stat;
import io.itsm.examples.bench.BenchSuite.Target;
import io.itsm.learn.ModelTrainer;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.predict.PastIncident;
import io.itsm.rules.predict.SimilarIncidents;
import io.itsm.rules.predict.TriageModel;
import io.itsm.rules.testkit.HelpDeskTickets;
import io.itsm.rules.testkit.TicketGenerator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learning measures of {@link BenchSuite} (issue #13), in one JVM in every mode: training a
 * category model on {@link HelpDeskTickets} (one thread; the target names 2 cores, training uses
 * one), one prediction, one ticket through the default packs with and without the model
 * (alternating rounds), and a similar-incident search over an index of past incidents.
 *
 * <p>Counts by mode (full / quick / smoke): training 50,000 / 50,000 / 500 tickets; index
 * 1,000,000 / 100,000 / 2,000 incidents.
 *
 * <p>Not thread-safe.
 */
final class LearningBench {

  private static volatile Object sink;

  private final Mode mode;
  private final PrintStream log;

  LearningBench(Mode mode, PrintStream log) {
    this.mode = mode;
    this.log = log;
  }

  List<Row> rows() throws Exception {
    int trainSize = mode == Mode.SMOKE ? 500 : 50_000;
    int indexSize = switch (mode) {
      case FULL -> 1_000_000;
      case QUICK -> 100_000;
      case SMOKE -> 2_000;
    };
    int rounds = mode == Mode.SMOKE ? 1 : mode == Mode.QUICK ? 7 : 11;
    int runs = mode == Mode.FULL ? 3 : 1;
    List<Row> rows = new ArrayList<>();

    List<PastIncident> history = HelpDeskTickets.generate(trainSize, 13L);
    ModelTrainer trainer = ModelTrainer.builder(TriageAttribute.CATEGORY).build();
    List<Double> trainings = new ArrayList<>();
    TriageModel model = null;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      model = trainer.train(history);
      trainings.add((double) (System.nanoTime() - t0));
      log.printf(Locale.ROOT, "   training on %,d tickets: %.1f s%n", trainSize,
          trainings.get(r) / 1e9);
    }
    rows.add(row(String.format(Locale.ROOT, "learning: train a category model on %,d help-desk"
            + " tickets (1 thread)", trainSize), Stat.of(trainings, BenchSuite::time),
        mode == Mode.SMOKE ? Target.NONE : Target.nanosAtMost(30e9)));

    List<Ticket> tickets = TicketGenerator.generate(mode == Mode.SMOKE ? 50 : 2_000);
    TriageModel m = model;
    warmUp(() -> perOp(tickets, m::predictBest));
    List<Double> predictions = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      predictions.add(perOp(tickets, m::predictBest));
    }
    rows.add(row("learning: one prediction (category model, " + m.featureCount() + " features)",
        Stat.of(predictions, BenchSuite::time), Target.nanosAtMost(50e3)));

    TriageEngine with = engine().model(model).build();
    TriageEngine without = engine().build();
    warmUp(() -> perOp(tickets, with::triage) + perOp(tickets, without::triage));
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      a.add(perOp(tickets, with::triage));
      b.add(perOp(tickets, without::triage));
    }
    rows.add(BenchSuite.compare("learning: one ticket, default packs with the model vs without",
        Stat.of(a, BenchSuite::time), Stat.of(b, BenchSuite::time), BenchSuite::time,
        Target.ratioAtMost(1.5)));

    try (SimilarIncidents index = SimilarIncidents.builder().build()) {
      long t0 = System.nanoTime();
      int chunk = Math.min(10_000, indexSize);
      for (int c = 0; c * chunk < indexSize; c++) {
        for (PastIncident p : HelpDeskTickets.generate(chunk, 1_000L + c)) {
          index.add(new PastIncident(
              p.ticket().toBuilder().id("P" + c + "-" + p.ticket().id().orElseThrow()).build(),
              p.category(), p.team(), null, p.resolution(), false));
        }
      }
      int size = index.size();
      log.printf(Locale.ROOT, "   indexed %,d past incidents in %.1f s%n", size,
          (System.nanoTime() - t0) / 1e9);
      warmUp(() -> perOp(tickets, t -> index.similar(t, 5)));
      List<Double> searches = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        searches.add(perOp(tickets, t -> index.similar(t, 5)));
      }
      rows.add(row(String.format(Locale.ROOT,
              "similar incidents: 5 most similar of %,d past incidents", size),
          Stat.of(searches, BenchSuite::time),
          indexSize == 1_000_000 ? Target.nanosAtMost(10e6) : Target.NONE));
    }
    return rows;
  }

  /** Configured like {@link BenchData#generatedTicketsEngine()}. */
  private static TriageEngine.Builder engine() {
    return TriageEngine.builder()
        .criticalConfigurationItems(TicketGenerator.CRITICAL_CONFIGURATION_ITEMS)
        .criticalServices(TicketGenerator.CRITICAL_SERVICES);
  }

  private static Row row(String measure, Stat value, Target target) {
    return new Row(measure, BenchSuite.time(value.value())
        + (value.spread().isEmpty() ? "" : " (" + value.spread() + ")"),
        BenchSuite.NO_BASELINE, "—", target.text(), target.met(value.value(), 1));
  }

  private void warmUp(java.util.function.DoubleSupplier round) {
    long seconds = mode == Mode.SMOKE ? 0 : mode == Mode.QUICK ? 5 : 20;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    do {
      round.getAsDouble();
    } while (System.nanoTime() < end);
  }

  private static double perOp(List<Ticket> tickets, java.util.function.Function<Ticket, ?> op) {
    long t0 = System.nanoTime();
    for (Ticket t : tickets) {
      sink = op.apply(t);
    }
    return (System.nanoTime() - t0) / (double) tickets.size();
  }
}
