package io.itsm.examples.cli;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Catalogue;
import io.itsm.core.incident.Category;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.learn.Evaluation;
import io.itsm.learn.ModelTrainer;
import io.itsm.rules.TeamMap;
import io.itsm.rules.predict.History;
import io.itsm.rules.predict.PastIncident;
import io.itsm.rules.predict.TriageModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code itsm learn}: trains a model from a team's labelled history (JSON Lines of past
 * incidents, see {@link History}), prints its k-fold cross-validated accuracy, macro-F1,
 * per-label precision and recall and the confusion matrix, and writes the model for {@code itsm
 * triage --model}.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    description = {
      "Train a model from labelled past tickets, print its cross-validated figures, write it.",
      "Labels come from each line's \"category\", \"team\" or \"priority\"."
    })
final class LearnCommand extends Subcommand {

  @Option(names = "--history", required = true, paramLabel = "FILE",
      description = "Past incidents, JSON Lines: the ticket format plus category, team, priority.")
  Path history;

  @Option(names = "--target", defaultValue = "category", paramLabel = "TARGET",
      description = "What to learn: category, team or priority (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "Where to write the model.")
  Path model;

  @Option(names = "--folds", defaultValue = "5", paramLabel = "K",
      description = "Cross-validation folds (default: ${DEFAULT-VALUE}); 0 skips the evaluation.")
  int folds;

  @Option(names = "--epochs", defaultValue = "" + ModelTrainer.DEFAULT_EPOCHS, paramLabel = "N",
      description = "Passes over the history (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--add-to-catalogue",
      description = "Accept labels the default catalogue (categories) or team map (teams) does"
          + " not know, instead of failing; add them to your desk's catalogue.")
  boolean addToCatalogue;

  @Override
  int execute() {
    TriageAttribute attribute = switch (target.toLowerCase(Locale.ROOT)) {
      case "category" -> TriageAttribute.CATEGORY;
      case "team" -> TriageAttribute.TEAM;
      case "priority" -> TriageAttribute.PRIORITY;
      default -> throw new CliException(ItsmCommand.EXIT_USAGE,
          "--target must be category, team or priority, but was '" + target + "'");
    };
    if (!Files.isReadable(history)) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot read history " + history + ": no such file");
    }
    List<PastIncident> past;
    try {
      past = History.read(history);
    } catch (ValidationException e) {
      e.getProblems().forEach(err()::println);
      throw new CliException(ItsmCommand.EXIT_FAILURES, "the history has bad lines; nothing learned");
    }
    Set<String> known = known(attribute);
    try {
      ModelTrainer.Builder b = ModelTrainer.builder(attribute).epochs(epochs);
      if (folds != 0) {
        b.folds(folds);
      }
      if (known != null && !addToCatalogue) {
        b.knownLabels(known);
      }
      ModelTrainer trainer = b.build();
      Evaluation evaluation = null;
      if (folds != 0) {
        evaluation = trainer.crossValidate(past);
        out().print(evaluation.format());
        out().println();
      }
      long start = System.nanoTime();
      TriageModel m = trainer.train(past, evaluation);
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (known != null && addToCatalogue) {
        Set<String> added = new TreeSet<>(m.info().labels());
        added.removeAll(known);
        if (!added.isEmpty()) {
          out().println("labels not in the default catalogue, kept by --add-to-catalogue: " + added
              + " (add them to your desk's catalogue)");
        }
      }
      write(m);
      out().printf(Locale.ROOT, "model %s (%s, %d labels, %d features) trained on %d tickets in %d ms,"
              + " written to %s%n", m.id(), target.toLowerCase(Locale.ROOT),
          m.info().labels().size(), m.featureCount(), m.info().trainingSetSize(), ms, model);
      return ItsmCommand.EXIT_OK;
    } catch (ValidationException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    }
  }

  private static Set<String> known(TriageAttribute attribute) {
    if (attribute == TriageAttribute.CATEGORY) {
      Set<String> s = new LinkedHashSet<>();
      for (Category c : Catalogue.defaults().categories()) {
        s.add(c.code());
      }
      return s;
    }
    if (attribute == TriageAttribute.TEAM) {
      TeamMap teams = TeamMap.defaults();
      Set<String> s = new LinkedHashSet<>(teams.categoryTeams().values());
      s.addAll(teams.languageTeams().values());
      s.add(teams.fallbackTeam());
      return s;
    }
    return null;
  }

  /** Writes to a temporary file first: a failed write leaves an existing model as it was. */
  private void write(TriageModel m) {
    try {
      Path dir = model.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(dir, ".itsm-model", ".tmp");
      try {
        m.write(tmp);
        Files.move(tmp, model, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot write model " + model + ": " + e.getMessage());
    }
  }
}
