package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemQuery;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.examples.demo.LifecycleDemo;
import io.itsm.examples.demo.SampleTickets;
import io.itsm.jdbc.JdbcStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where {@code itsm reviews} and {@code itsm actions} read the improvement records from: an
 * export ({@code --export FILE}, JSON Lines written by {@code Improvement.exportTo}, or a store
 * backup holding them), a store ({@code --store URL}), or the demo's run ({@code --demo}).
 * Exactly one is required.
 *
 * <p>Not thread-safe.
 */
final class ImprovementRecords {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** The two sources. */
  static final class Source {
    @Option(
        names = "--export",
        paramLabel = "FILE|-",
        description = "An export of the improvement records (JSON Lines from"
            + " Improvement.exportTo, or a store backup); '-' reads standard input.")
    String export;

    @Option(
        names = "--store",
        paramLabel = "URL",
        description = "A store's JDBC URL (jdbc:h2:./itsm-demo/desk,"
            + " jdbc:postgresql://host/db?user=u): the records kept in its database.")
    String store;

    @Option(
        names = "--demo",
        description = "The records of the demo's run (itsm demo) instead of an export.")
    boolean demo;
  }

  /**
   * Reads the records.
   *
   * @param stdin what {@code -} reads
   * @return the records
   * @throws CliException exit 1 naming the line of a bad export, exit 3 if it cannot be read
   */
  ImprovementExport read(InputStream stdin) {
    if (source.demo) {
      return new LifecycleDemo(SampleTickets.load()).runQuietly();
    }
    if (source.store != null) {
      try (JdbcStore store = Stores.forReading(source.store)) {
        return fromStore(store);
      } catch (ItsmException e) {
        throw new CliException(ItsmCommand.EXIT_IO, "cannot read the store " + source.store + ": "
            + e.getMessage());
      }
    }
    String file = source.export;
    try (InputStream in = file.equals("-") ? stdin : Files.newInputStream(Path.of(file));
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return ItsmJson.defaults().improvement().readExport(reader);
    } catch (JsonFormatException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, file + " line " + e.getLine().orElse(0)
          + ": " + e.getProblem());
    } catch (UncheckedIOException e) {
      throw CliException.cannotRead("export", file, e.getCause());
    } catch (IOException e) {
      throw CliException.cannotRead("export", file, e);
    }
  }

  /** Every improvement record of a store, as an export (of no instant: the store is live). */
  private static ImprovementExport fromStore(JdbcStore store) {
    return new ImprovementExport(Optional.empty(),
        histories(store.problems().find(ProblemQuery.all()), Problem::id,
            store.problems()::history),
        histories(store.reviews().find(ReviewQuery.all()), PostIncidentReview::id,
            store.reviews()::history),
        histories(store.preventiveActions().find(ActionQuery.all()), PreventiveAction::id,
            store.preventiveActions()::history),
        histories(store.surveys().find(SurveyQuery.all()), Survey::id, store.surveys()::history));
  }

  private static <S, E> List<List<E>> histories(List<S> states, Function<S, String> id,
      Function<String, List<E>> history) {
    return states.stream().map(s -> history.apply(id.apply(s))).toList();
  }
}
