package io.itsm.examples.cli;

import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.review.ActionEscalation;
import io.itsm.core.review.PreventiveAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm actions}: lists the open preventive actions of an export (or of the demo's run) —
 * or every action with {@code --all} — with their due time, how long they are overdue at {@code
 * --at}, owner, team, review and escalations; or each action as JSON.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "actions",
    mixinStandardHelpOptions = true,
    description = {
      "List the open preventive actions of a store, of an export of the improvement records, or"
          + " of the demo's run: due time, days overdue, owner, team, review, who was told."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the export is invalid (the line and the problem are printed)",
      "2:usage error",
      "3:the export or the store cannot be read"
    })
final class ActionsCommand extends Subcommand {

  @Mixin ImprovementRecords records;

  @Option(names = "--all", description = "Every action, done and cancelled ones too.")
  boolean all;

  @Option(names = "--owner", paramLabel = "ID", description = "Only the actions of this owner.")
  String owner;

  @Option(names = "--overdue", description = "Only the actions overdue at --at.")
  boolean overdue;

  @Option(names = "--at", paramLabel = "INSTANT", converter = NowOption.InstantConverter.class,
      description = "The instant overdue is measured at, as an ISO-8601 instant (default: when"
          + " the export was taken, else now; for a store, now).")
  Instant at;

  @Option(names = "--json", description = "One action per line as JSON (docs/improvement.md).")
  boolean json;

  @Override
  int execute() {
    ImprovementExport export = records.read(parent.stdin());
    Instant when = at != null ? at : export.exportedAt().orElse(Instant.now());
    List<PreventiveAction> actions = export.actionStates().stream()
        .filter(a -> all || !a.status().isFinished())
        .filter(a -> owner == null || a.owner().equals(owner))
        .filter(a -> !overdue || a.isOverdue(when))
        .toList();
    if (json) {
      actions.forEach(a -> out().println(ItsmJson.defaults().improvement().writeAction(a)));
      return ItsmCommand.EXIT_OK;
    }
    out().printf(Locale.ROOT, "%-10s %-12s %-21s %-8s %-18s %-16s %-11s %-20s %s%n", "action",
        "status", "due", "overdue", "owner", "team", "review", "told", "title");
    for (PreventiveAction a : actions) {
      Duration late = a.overdueBy(when);
      String told = a.escalations().stream().map(ActionEscalation::notified).map(Enum::name)
          .collect(Collectors.joining(","));
      out().printf(Locale.ROOT, "%-10s %-12s %-21s %-8s %-18s %-16s %-11s %-20s %s%n", a.id(),
          a.status(), ReviewsCommand.at(a.dueAt()),
          late.isZero() ? "-" : late.toDays() + " d " + late.toHoursPart() + " h", a.owner(),
          a.team(), a.reviewId(), told.isEmpty() ? "-" : told, a.title());
    }
    long late = actions.stream().filter(a -> a.isOverdue(when)).count();
    out().println(actions.size() + (all ? "" : " open") + " preventive action"
        + (actions.size() == 1 ? "" : "s") + ", " + late + " overdue at "
        + ReviewsCommand.at(when));
    return ItsmCommand.EXIT_OK;
  }
}
