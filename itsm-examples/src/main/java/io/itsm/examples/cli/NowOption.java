package io.itsm.examples.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --now INSTANT} option of the subcommands that triage: the instant taken as a
 * ticket's {@code openedAt} when the ticket has none, which is what rules on {@code
 * TicketFact.insideBusinessHours} and {@code openedAt} see. Without it that is the time of the
 * run, so the same input may triage differently by day and hour; with it the output is
 * reproducible.
 *
 * <p>Not thread-safe.
 */
final class NowOption {

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "The time taken as 'opened at' for tickets without openedAt, as an ISO-8601 instant"
              + " such as 2026-11-23T10:00:00Z (default: the current time). Makes rules on"
              + " business hours reproducible.")
  Instant now;

  /**
   * Returns the clock the engine uses for tickets without {@code openedAt}.
   *
   * @return a clock fixed at {@code --now}, or the UTC system clock
   */
  Clock clock() {
    return now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
  }

  /** Parses {@code --now}, naming the expected form when it does not parse. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "--now must be an ISO-8601 instant in UTC such as 2026-11-23T10:00:00Z, but was '"
                + value + "'");
      }
    }
  }
}
