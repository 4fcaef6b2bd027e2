package io.itsm.examples.cli;

import io.itsm.core.ValidationException;
import io.itsm.core.metrics.Period;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/**
 * The options that choose what the metrics commands read: {@code --store}, {@code --from},
 * {@code --to} (a date, the start of that day in {@code --zone}, or an ISO instant) and {@code
 * --zone}.
 *
 * <p>Not thread-safe.
 */
final class PeriodOptions {

  @Option(names = "--store", required = true, paramLabel = "URL|FILE.jsonl",
      description = "The store to read: a JDBC URL (itsm-jdbc) or a history file written by"
          + " 'itsm import --store FILE.jsonl'.")
  String store;

  @Option(names = "--from", paramLabel = "DATE",
      description = "Start of the period, inclusive: 2026-03-01 (start of that day in --zone) or"
          + " an instant 2026-03-01T08:00:00Z (default: since the first incident).")
  String from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "End of the period, exclusive, as --from (default: now).")
  String to;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone of dates, days, weeks and months (default: ${DEFAULT-VALUE}).")
  String zone;

  ZoneId zone() {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "--zone must be a time zone such as UTC or"
          + " Europe/Stockholm, but was '" + zone + "'");
    }
  }

  Period period(Clock clock) {
    Instant f = from == null ? Period.BEGINNING : instant("--from", from);
    Instant t = to == null ? clock.instant() : instant("--to", to);
    try {
      return new Period(f, t);
    } catch (ValidationException e) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "--from must be before --to: " + e.getMessage());
    }
  }

  private Instant instant(String option, String value) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(zone()).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new CliException(ItsmCommand.EXIT_USAGE, option + " must be a date such as 2026-03-01"
          + " or an instant such as 2026-03-01T08:00:00Z, but was '" + value + "'");
    }
  }

  static Clock utc() {
    return Clock.system(ZoneOffset.UTC);
  }
}
