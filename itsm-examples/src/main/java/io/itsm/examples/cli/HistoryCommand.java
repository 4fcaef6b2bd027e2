package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.repository.UnreadableRecordException;
import io.itsm.examples.demo.LifecycleDemo;
import io.itsm.jdbc.JdbcStore;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code itsm history --store URL INC-...}: prints an incident's audit trail from a store, as a
 * timeline or as a JSON history document (docs/json.md).
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {"Print an incident's history (every event, oldest first) from a store.",
        "The store is read, never changed."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:no such incident, or a stored event cannot be read",
        "2:usage error", "3:the store cannot be opened"})
final class HistoryCommand extends Subcommand {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE dd MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  @Option(names = "--store", required = true, paramLabel = "URL", description = "The store's JDBC URL")
  String store;

  @Option(names = "--json", description = "The history document of docs/json.md, on one line")
  boolean json;

  @Parameters(paramLabel = "INCIDENT", description = "The incident id, e.g. INC-000001")
  String id;

  @Override
  int execute() {
    Optional<Incident> incident;
    List<IncidentEvent> events;
    try (JdbcStore s = Stores.forReading(store)) {
      incident = s.incidents().find(id);
      if (incident.isEmpty()) {
        throw new CliException(ItsmCommand.EXIT_FAILURES, "no incident " + id + " in the store " + store
            + "; list them with: itsm incidents --store " + store);
      }
      events = s.incidents().history(id);
    } catch (UnreadableRecordException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    } catch (CliException e) {
      throw e;
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot read the store " + store + ": " + e.getMessage());
    }
    if (json) {
      out().println(ItsmJson.defaults().writeHistory(events));
      return ItsmCommand.EXIT_OK;
    }
    Incident inc = incident.get();
    out().println("== " + inc.id() + inc.externalId().map(x -> " (" + x + ")").orElse("") + ": "
        + inc.title() + " — " + inc.status() + ", " + events.size() + " events");
    for (IncidentEvent e : events) {
      out().println(String.format(Locale.ROOT, "  %s  %-26s %-18s %s", TIME.format(e.at()), e.type(),
          e.actor(), LifecycleDemo.describe(e)).stripTrailing());
    }
    return ItsmCommand.EXIT_OK;
  }
}
