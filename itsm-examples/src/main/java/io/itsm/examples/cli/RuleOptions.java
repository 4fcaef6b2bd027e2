package io.itsm.examples.cli;

import io.itsm.core.ValidationException;
import io.itsm.rules.RuleCompilationException;
import io.itsm.rules.RuleProblem;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.predict.ModelFileException;
import io.itsm.rules.predict.TriageModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The rule options shared by the subcommands that build a {@link TriageEngine}: {@code --rules
 * FILE|DIR} (repeatable), {@code --no-defaults}, {@code --trust-rules} and {@code --time-budget}.
 *
 * <p>Files are read here, so an unreadable file is an I/O error ({@code itsm: cannot read rules
 * file x.drl: no such file}, exit {@value ItsmCommand#EXIT_IO}); problems are reported with the
 * path as given on the command line.
 *
 * <p>Not thread-safe.
 */
final class RuleOptions {

  @Option(
      names = "--rules",
      paramLabel = "FILE|DIR",
      description =
          "A .drl file, or a directory whose *.drl files are loaded in name order. Repeatable.")
  List<Path> rules = new ArrayList<>();

  @Option(
      names = "--no-defaults",
      description = "Leave out the default rule packs (categorize, prioritize, route, approval).")
  boolean noDefaults;

  @Option(
      names = "--trust-rules",
      description = "Trust the rule files as your own code: they may call any Java code (files,"
          + " network, System, reflection). Without it, rule code that touches more than the fact"
          + " types, strings, maths, java.time and collections is a compile error.")
  boolean trustRules;

  @Option(
      names = "--time-budget",
      paramLabel = "MILLIS",
      description = "The time budget of one triage in milliseconds (default: 200 with team"
          + " rules; the default packs alone fire without one unless this is given). Past it the"
          + " ticket fails as 'line N: ...' naming the rule that was running.")
  Long timeBudgetMillis;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "A model written by 'itsm learn': its predictions become facts, and the predict pack"
              + " accepts confident ones. Repeatable (one per target).")
  List<Path> models = new ArrayList<>();

  /** A rule file as named on the command line, with its text. */
  record RuleFile(String name, String drl) {}

  /**
   * Lists and reads the rule files: each {@code --rules} file, and each directory's {@code *.drl}
   * files in name order.
   *
   * @return the files, in command-line order
   * @throws CliException (exit 3) if a file or directory cannot be read, or a directory has no
   *     .drl file
   */
  List<RuleFile> readFiles() {
    return readFiles(rules);
  }

  static List<RuleFile> readFiles(List<Path> rules) {
    List<RuleFile> files = new ArrayList<>();
    for (Path p : rules) {
      if (Files.isDirectory(p)) {
        List<Path> drls;
        try (Stream<Path> s = Files.list(p)) {
          drls =
              s.filter(f -> f.getFileName().toString().endsWith(".drl") && Files.isRegularFile(f))
                  .sorted()
                  .toList();
        } catch (IOException e) {
          throw CliException.cannotRead("rules directory", p.toString(), e);
        }
        if (drls.isEmpty()) {
          throw new CliException(
              ItsmCommand.EXIT_IO, "rules directory " + p + " contains no .drl file");
        }
        for (Path f : drls) {
          files.add(read(f));
        }
      } else {
        files.add(read(p));
      }
    }
    return files;
  }

  private static RuleFile read(Path file) {
    try {
      return new RuleFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (MalformedInputException e) {
      throw new CliException(
          ItsmCommand.EXIT_IO, "cannot read rules file " + file + ": not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw new CliException(
          ItsmCommand.EXIT_IO, "cannot read rules file " + file + ": no such file");
    } catch (IOException e) {
      throw CliException.cannotRead("rules file", file.toString(), e);
    }
  }

  /**
   * Returns the number of default packs in use.
   *
   * @return 0 with {@code --no-defaults}, else the number of {@link TriageEngine#DEFAULT_PACKS}
   */
  int packCount() {
    return noDefaults ? 0 : TriageEngine.DEFAULT_PACKS.size();
  }

  /**
   * Builds the engine from already-read files.
   *
   * @param files the files of {@link #readFiles()}
   * @param clock the clock for tickets without {@code openedAt} ({@link NowOption#clock()})
   * @param err where compile problems are printed, one a line as {@code file:line:col: message}
   * @return the engine
   * @throws CliException (exit 1) if the rules do not compile or the configuration is invalid
   */
  TriageEngine build(List<RuleFile> files, Clock clock, PrintWriter err) {
    TriageEngine.Builder b = TriageEngine.builder();
    if (trustRules) {
      b.trustRules();
    }
    if (timeBudgetMillis != null) {
      if (timeBudgetMillis < 1) {
        throw new CliException(ItsmCommand.EXIT_USAGE,
            "--time-budget must be at least 1 (milliseconds), but was " + timeBudgetMillis);
      }
      b.timeBudget(java.time.Duration.ofMillis(timeBudgetMillis));
    }
    readModels(models).forEach(b::model);
    return build(b, noDefaults, files, clock, err);
  }

  /**
   * Reads model files.
   *
   * @param models the files
   * @return the models
   * @throws CliException (exit 3) if a file is not a readable model
   */
  static List<TriageModel> readModels(List<Path> models) {
    List<TriageModel> out = new ArrayList<>();
    for (Path m : models) {
      try {
        out.add(TriageModel.read(m));
      } catch (ModelFileException e) {
        throw new CliException(ItsmCommand.EXIT_IO, "cannot use model " + e.getMessage());
      }
    }
    return out;
  }

  static TriageEngine build(
      boolean noDefaults, List<RuleFile> files, Clock clock, PrintWriter err) {
    return build(TriageEngine.builder(), noDefaults, files, clock, err);
  }

  /**
   * Builds an engine for the diff's base rules with this command's trust and budget.
   *
   * @param baseNoDefaults whether the base leaves out the default packs
   * @param files the base files
   * @param clock the clock
   * @param err where compile problems go
   * @return the engine
   */
  TriageEngine buildBase(boolean baseNoDefaults, List<RuleFile> files, Clock clock,
      PrintWriter err) {
    TriageEngine.Builder b = TriageEngine.builder();
    if (trustRules) {
      b.trustRules();
    }
    if (timeBudgetMillis != null && timeBudgetMillis > 0) {
      b.timeBudget(java.time.Duration.ofMillis(timeBudgetMillis));
    }
    return build(b, baseNoDefaults, files, clock, err);
  }

  private static TriageEngine build(TriageEngine.Builder b,
      boolean noDefaults, List<RuleFile> files, Clock clock, PrintWriter err) {
    b.clock(clock);
    if (noDefaults) {
      for (String pack : TriageEngine.DEFAULT_PACKS) {
        b.withoutPack(pack);
      }
    }
    for (RuleFile f : files) {
      b.addRules(f.name(), f.drl());
    }
    try {
      return b.build();
    } catch (RuleCompilationException e) {
      for (RuleProblem p : e.getProblems()) {
        err.println(p);
      }
      int n = e.getProblems().size();
      throw new CliException(
          ItsmCommand.EXIT_FAILURES,
          "rules do not compile (" + n + (n == 1 ? " problem)" : " problems)"));
    } catch (ValidationException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    }
  }
}
