package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.ValidationException;
import io.itsm.core.metrics.Staffing;
import io.itsm.core.metrics.StaffingPlan;
import io.itsm.core.metrics.StaffingQuery;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.BusinessCalendars;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm staffing}: agents needed per hour of the week and queue (language × channel) by
 * Erlang C, from a store's arrivals and handling times, against a calendar's coverage.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "staffing",
    mixinStandardHelpOptions = true,
    description = {
      "Agents needed per queue (callers' language × channel) and hour of the week to answer"
          + " within a time, by Erlang C from the arrivals and handling times in a store, shown"
          + " against the business calendar's coverage ('!' marks demand outside it)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:no handling time can be measured (give --handling-time)",
        "2:usage error", "3:the store or the calendar cannot be read"})
final class StaffingCommand extends Subcommand {

  @Mixin PeriodOptions period;

  @Option(names = "--answer-within", defaultValue = "PT30M", paramLabel = "DURATION",
      description = "Answer tickets within this time, ISO-8601 (default: ${DEFAULT-VALUE}).")
  String answerWithin;

  @Option(names = "--service-level", defaultValue = "80", paramLabel = "PERCENT",
      description = "Share to answer within it, in percent (default: ${DEFAULT-VALUE}).")
  double serviceLevel;

  @Option(names = "--handling-time", paramLabel = "DURATION",
      description = "Mean handling time, ISO-8601 such as PT20M (default: measured per queue).")
  String handlingTime;

  @Option(names = "--calendar", paramLabel = "FILE",
      description = "The staffed hours, a business calendar in JSON (docs/calendars.md; default:"
          + " Monday-Friday 08:00-17:00 UTC).")
  Path calendar;

  @Override
  int execute() {
    StaffingQuery q;
    try {
      q = StaffingQuery.of(period.period(PeriodOptions.utc()), duration("--answer-within", answerWithin))
          .withZone(period.zone()).withServiceLevel(serviceLevel / 100);
      if (handlingTime != null) {
        q = q.withHandlingTime(duration("--handling-time", handlingTime));
      }
      if (calendar != null) {
        q = q.withCoverage(calendar(calendar));
      }
    } catch (ValidationException e) {
      throw new CliException(ItsmCommand.EXIT_USAGE, e.getMessage());
    }
    StaffingPlan plan;
    try (HistoryStores.Opened store = HistoryStores.forReading(period.store)) {
      plan = Staffing.plan(store.repository(), q);
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    }
    print(plan);
    return ItsmCommand.EXIT_OK;
  }

  private static Duration duration(String option, String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new CliException(ItsmCommand.EXIT_USAGE, option + " must be an ISO-8601 duration such"
          + " as PT30M, but was '" + value + "'");
    }
  }

  private static BusinessCalendar calendar(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return BusinessCalendars.fromJson(in);
    } catch (IOException e) {
      throw CliException.cannotRead("calendar", file.toString(), e);
    }
  }

  private void print(StaffingPlan plan) {
    if (plan.rows().isEmpty()) {
      out().println("no incident was opened in the period: nothing to staff");
      return;
    }
    out().printf(Locale.ROOT, "agents needed to answer %.0f %% within %s, %s to %s (%s); '!' = hour"
            + " not (fully) covered by the calendar '%s'%n",
        plan.query().serviceLevel() * 100, MetricsTable.duration(plan.query().answerWithin()),
        plan.measuredFrom(), plan.measuredTo(), plan.query().zone(), plan.query().coverage().name());
    Map<String, List<StaffingPlan.Row>> byQueue = plan.rows().stream().collect(Collectors.groupingBy(
        r -> r.language() + " / " + r.channel(), LinkedHashMap::new, Collectors.toList()));
    StringBuilder hours = new StringBuilder("      ");
    for (int h = 0; h < 24; h++) {
      hours.append(String.format(Locale.ROOT, "%3d", h));
    }
    byQueue.forEach((queue, rows) -> {
      StaffingPlan.Row any = rows.get(0);
      double perWeek = rows.stream().mapToDouble(StaffingPlan.Row::arrivalsPerHour).sum();
      out().printf(Locale.ROOT, "%nqueue %s: %.1f tickets a week, handling time %s%n", queue, perWeek,
          MetricsTable.duration(any.handlingTime()));
      out().println(hours);
      for (DayOfWeek d : DayOfWeek.values()) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-6s",
            d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
        for (StaffingPlan.Row r : rows) {
          if (r.day() == d) {
            String cell = r.agents() == 0 ? "." : Integer.toString(r.agents());
            sb.append(String.format(Locale.ROOT, "%3s", cell + (r.agents() > 0 && r.coverage() < 1 ? "!" : "")));
          }
        }
        out().println(sb.toString().stripTrailing());
      }
    });
    out().printf(Locale.ROOT, "%nhours with tickets outside the calendar: %d%n", plan.uncovered().size());
  }
}
