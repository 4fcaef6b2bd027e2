package io.itsm.examples.cli;

import io.itsm.core.ValidationException;
import io.itsm.kafka.RulesSource;
import io.itsm.kafka.RulesVersion;
import io.itsm.kafka.TriageStreams;
import io.itsm.kafka.TriageTopology;
import io.itsm.rules.RuleCompilationException;
import io.itsm.rules.RuleProblem;
import io.itsm.rules.TriageEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code itsm serve}: triage as a Kafka Streams application ({@code itsm-kafka}) until
 * interrupted. Reads tickets from a topic, writes decisions to another, bad records to a
 * dead-letter topic and rule (re)loads to a status topic, exactly once; reloads the rules
 * directory without a restart. Ctrl-C (SIGINT/SIGTERM) closes the streams cleanly: the open
 * transactions are committed or aborted, nothing is half-written.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Triage tickets from a Kafka topic to a decisions topic until interrupted (exactly once).",
      "Records that cannot be read or triaged go to the dead-letter topic with headers naming the"
          + " error; rule loads and failed reloads go to the status topic as JSON.",
      "The topics must exist; the tickets topic's partitions bound the parallelism."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped by an interrupt (Ctrl-C) after a clean close",
      "1:the rules do not compile, or the streams stopped on an error",
      "2:usage error",
      "3:the rules directory cannot be read"
    })
final class ServeCommand extends Subcommand {

  @Option(names = "--kafka", required = true, paramLabel = "BOOTSTRAP",
      description = "The Kafka bootstrap servers, for example localhost:9092.")
  String bootstrap;

  @Option(names = "--tickets", required = true, paramLabel = "TOPIC",
      description = "The topic tickets are read from (key: ticket id, value: one ticket's JSON).")
  String tickets;

  @Option(names = "--decisions", required = true, paramLabel = "TOPIC",
      description = "The topic decisions go to (key: ticket id, value: the decision's JSON, as"
          + " 'itsm triage' writes it).")
  String decisions;

  @Option(names = "--dead-letters", paramLabel = "TOPIC",
      description = "The dead-letter topic (default: TICKETS-dead-letters).")
  String deadLetters;

  @Option(names = "--status", paramLabel = "TOPIC",
      description = "The status topic of rule loads (default: DECISIONS-status).")
  String status;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "A directory of team *.drl files, added to the default packs and watched:"
          + " changes are compiled and swapped in without a restart; a change that does not"
          + " compile keeps the old rules and is reported on the status topic.")
  Path rules;

  @Option(names = "--no-defaults",
      description = "Leave out the default rule packs (categorize, prioritize, route, approval).")
  boolean noDefaults;

  @Option(names = "--trust-rules",
      description = "Trust the rule files as your own code (see 'itsm triage --help').")
  boolean trustRules;

  @Option(names = "--time-budget", paramLabel = "MILLIS",
      description = "The time budget of one triage in milliseconds (default: 200 with rule files;"
          + " the default packs alone fire on the stream thread without one).")
  Long timeBudgetMillis;

  @Option(names = "--no-time-budget",
      description = "Fire the rules, rule files included, on the stream thread without a time"
          + " budget: no hand-over to a rule worker per ticket (faster; see docs/kafka.md), but a"
          + " rule consequence that never returns stops the stream. For rule files you trust.")
  boolean noTimeBudget;

  @Option(names = "--reload-interval", paramLabel = "MILLIS", defaultValue = "2000",
      description = "How often the rules directory is checked, in milliseconds (default: 2000).")
  long reloadIntervalMillis;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Stream threads of this instance (default: 1).")
  int threads;

  @Option(names = "--application-id", paramLabel = "ID", defaultValue = "itsm-triage",
      description = "The Kafka Streams application id (default: itsm-triage); instances with the"
          + " same id share the partitions.")
  String applicationId;

  @Option(names = "--config", paramLabel = "KEY=VALUE",
      description = "Any Kafka Streams, consumer or producer setting, for example"
          + " state.dir=/var/lib/itsm. Repeatable.")
  List<String> config = new ArrayList<>();

  @Override
  int execute() {
    if (threads < 1) {
      throw usage("--threads must be at least 1, but was " + threads);
    }
    if (reloadIntervalMillis < 10) {
      throw usage("--reload-interval must be at least 10 (milliseconds), but was "
          + reloadIntervalMillis);
    }
    if (timeBudgetMillis != null && timeBudgetMillis < 1) {
      throw usage("--time-budget must be at least 1 (milliseconds), but was " + timeBudgetMillis);
    }
    if (timeBudgetMillis != null && noTimeBudget) {
      throw usage("--time-budget and --no-time-budget exclude each other; give one");
    }
    if (rules != null && !Files.isDirectory(rules)) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot read rules directory " + rules
          + ": no such directory (--rules names a directory of *.drl files)");
    }
    TriageTopology topology = topology();
    TriageStreams streams;
    try {
      TriageStreams.Builder b = TriageStreams.builder(topology)
          .bootstrapServers(bootstrap)
          .applicationId(applicationId)
          .threads(threads);
      for (String kv : config) {
        int eq = kv.indexOf('=');
        if (eq < 1) {
          throw usage("--config must be KEY=VALUE, but was '" + kv + "'");
        }
        b.config(kv.substring(0, eq), kv.substring(eq + 1));
      }
      streams = b.build();
    } catch (IllegalArgumentException | KafkaException e) {
      throw usage(e.getMessage());
    }
    return serve(topology, streams);
  }

  private TriageTopology topology() {
    RulesSource source = rules == null ? RulesSource.defaultPacks() : RulesSource.directory(rules);
    source = source.withEngine(this::configure);
    try {
      return TriageTopology.builder()
          .ticketsTopic(tickets)
          .decisionsTopic(decisions)
          .deadLettersTopic(deadLetters != null ? deadLetters : tickets
              + TriageTopology.DEAD_LETTERS_SUFFIX)
          .statusTopic(status != null ? status : decisions + TriageTopology.STATUS_SUFFIX)
          .rules(source)
          .reloadInterval(Duration.ofMillis(reloadIntervalMillis))
          .build();
    } catch (RuleCompilationException e) {
      for (RuleProblem p : e.getProblems()) {
        err().println(p);
      }
      int n = e.getProblems().size();
      throw new CliException(ItsmCommand.EXIT_FAILURES,
          "rules do not compile (" + n + (n == 1 ? " problem)" : " problems)"));
    } catch (ValidationException e) {
      throw new CliException(ItsmCommand.EXIT_IO, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private void configure(TriageEngine.Builder b) {
    if (noDefaults) {
      TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack);
    }
    if (trustRules) {
      b.trustRules();
    }
    if (timeBudgetMillis != null) {
      b.timeBudget(Duration.ofMillis(timeBudgetMillis));
    }
    if (noTimeBudget) {
      b.withoutTimeBudget();
    }
  }

  /** Runs the streams until an interrupt, a shutdown of the JVM, or an error stops them. */
  private int serve(TriageTopology topology, TriageStreams streams) {
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<KafkaStreams.State> last = new AtomicReference<>();
    streams.kafkaStreams().setStateListener((now, before) -> {
      last.set(now);
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING
          || now == KafkaStreams.State.PENDING_ERROR) {
        stopped.countDown();
      }
    });
    Thread hook = new Thread(() -> {
      streams.close();
      stopped.countDown();
    }, "itsm-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    RulesVersion v = topology.currentRules();
    streams.start();
    err().printf(Locale.ROOT, "itsm: serving %s -> %s (dead letters %s, status %s) with %d"
            + " thread(s), rules version %d (%d rules, %d files, hash %s); Ctrl-C stops%n",
        topology.ticketsTopic(), topology.decisionsTopic(), topology.deadLettersTopic(),
        topology.statusTopic(), threads, v.version(), v.ruleCount(), v.files().size(),
        v.hash().substring(0, 12));
    err().flush();
    boolean interrupted = false;
    try {
      stopped.await();
    } catch (InterruptedException e) {
      interrupted = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook closes the streams
    }
    streams.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    KafkaStreams.State end = last.get();
    if (end == KafkaStreams.State.ERROR || end == KafkaStreams.State.PENDING_ERROR) {
      throw new CliException(ItsmCommand.EXIT_FAILURES,
          "the streams stopped on an error (see the log above)");
    }
    err().println("itsm: stopped");
    return ItsmCommand.EXIT_OK;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
