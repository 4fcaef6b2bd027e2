package io.itsm.examples.cli;

import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.review.ActionStatus;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.ReviewStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm reviews}: lists the post-incident reviews of an export (or of the demo's run): id,
 * status, scope, due time, approval, actions done, title; or each review as JSON.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "reviews",
    mixinStandardHelpOptions = true,
    description = {
      "List the post-incident reviews of a store, of an export of the improvement records, or of"
          + " the demo's run: status, what they cover, due time, approval and preventive actions"
          + " done."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the export is invalid (the line and the problem are printed)",
      "2:usage error",
      "3:the export or the store cannot be read"
    })
final class ReviewsCommand extends Subcommand {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Mixin ImprovementRecords records;

  @Option(names = "--status", paramLabel = "STATUS",
      description = "Only reviews in this status: ${COMPLETION-CANDIDATES}.")
  ReviewStatus status;

  @Option(names = "--json", description = "One review per line as JSON (docs/improvement.md).")
  boolean json;

  @Override
  int execute() {
    ImprovementExport export = records.read(parent.stdin());
    Map<String, PreventiveAction> actions = export.actionStates().stream()
        .collect(Collectors.toMap(PreventiveAction::id, Function.identity()));
    List<PostIncidentReview> reviews = export.reviewStates().stream()
        .filter(r -> status == null || r.status() == status).toList();
    if (json) {
      reviews.forEach(r -> out().println(ItsmJson.defaults().improvement().writeReview(r)));
      return ItsmCommand.EXIT_OK;
    }
    out().printf(Locale.ROOT, "%-12s %-17s %-27s %-21s %-10s %-8s %s%n", "review", "status",
        "scope", "due", "approval", "actions", "title");
    for (PostIncidentReview r : reviews) {
      long done = r.actionIds().stream().map(actions::get)
          .filter(a -> a != null && a.status() == ActionStatus.DONE).count();
      String scope = r.scope().kind() + " " + r.scope().subjectId()
          + (r.scope().incidentIds().size() > 1 ? " +" + (r.scope().incidentIds().size() - 1) : "");
      out().printf(Locale.ROOT, "%-12s %-17s %-27s %-21s %-10s %-8s %s%n", r.id(), r.status(),
          scope, r.dueAt().map(TIME::format).orElse("-"),
          r.approval().map(a -> a.status().name()).orElse("-"),
          r.actionIds().isEmpty() ? "-" : done + "/" + r.actionIds().size(), r.title());
    }
    out().println(reviews.size() + " review" + (reviews.size() == 1 ? "" : "s")
        + (status == null ? "" : " " + status) + export.exportedAt()
            .map(at -> " (export of " + TIME.format(at) + ")").orElse(""));
    return ItsmCommand.EXIT_OK;
  }

  static String at(Instant i) {
    return TIME.format(i);
  }
}
