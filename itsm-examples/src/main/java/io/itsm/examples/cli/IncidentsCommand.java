package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.jdbc.JdbcStore;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code itsm incidents --store URL}: lists the incidents of a store, optionally filtered, as a
 * table or as JSON Lines (one incident snapshot per line, in the format of docs/json.md).
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "incidents",
    mixinStandardHelpOptions = true,
    description = {
      "List the incidents of a store (ordered by id), optionally filtered by status, team,"
          + " assignee or caller.",
      "The store is read, never changed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success (also when nothing matches)", "2:usage error",
        "3:the store cannot be opened"})
final class IncidentsCommand extends Subcommand {

  @Option(names = "--store", required = true, paramLabel = "URL",
      description = "The store's JDBC URL, e.g. jdbc:h2:./itsm-demo/desk or"
          + " jdbc:postgresql://host:5432/itsm?user=itsm")
  String store;

  @Option(names = "--status", paramLabel = "STATUS",
      description = "Only incidents in this status: ${COMPLETION-CANDIDATES}")
  Status status;

  @Option(names = "--team", paramLabel = "TEAM", description = "Only incidents of this assignment group")
  String team;

  @Option(names = "--assignee", paramLabel = "USER", description = "Only incidents assigned to this user")
  String assignee;

  @Option(names = "--caller", paramLabel = "USER", description = "Only incidents of this caller")
  String caller;

  @Option(names = "--json", description = "JSON Lines: one incident per line")
  boolean json;

  @Override
  int execute() {
    IncidentQuery query = IncidentQuery.all();
    if (status != null) {
      query = query.withStatus(status);
    }
    if (team != null) {
      query = query.withTeam(team);
    }
    if (assignee != null) {
      query = query.withAssignee(assignee);
    }
    if (caller != null) {
      query = query.withCaller(caller);
    }
    List<Incident> found;
    try (JdbcStore s = Stores.forReading(store)) {
      found = s.incidents().find(query);
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot read the store " + store + ": " + e.getMessage());
    }
    if (json) {
      ItsmJson writer = ItsmJson.defaults();
      found.forEach(i -> out().println(writer.writeIncident(i)));
      return ItsmCommand.EXIT_OK;
    }
    for (Incident i : found) {
      out().println(String.format(Locale.ROOT, "%-11s %-16s %-3s %-18s %-18s %s", i.id(), i.status(),
          i.priority().map(Enum::name).orElse("-"), i.team().orElse("-"),
          i.assignment().flatMap(Assignment::assignee).orElse("-"), i.title()).stripTrailing());
    }
    out().println(found.size() + (found.size() == 1 ? " incident" : " incidents"));
    return ItsmCommand.EXIT_OK;
  }
}
