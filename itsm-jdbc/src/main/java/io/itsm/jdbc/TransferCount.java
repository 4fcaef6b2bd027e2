package io.itsm.jdbc;

/**
 * How much a backup or restore moved.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidents the number of incidents
 * @param events the number of their events
 * @param records the number of the other practices' records (knowledge articles, problems, ...),
 *     whose events are not counted in {@code events}
 */
public record TransferCount(long incidents, long events, long records) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public TransferCount {
    if (incidents < 0 || events < 0 || records < 0) {
      throw new IllegalArgumentException("counts must be 0 or more, but were " + incidents + " incidents, "
          + events + " events, " + records + " records");
    }
  }

  /**
   * Counts incidents and their events only.
   *
   * @param incidents the number of incidents
   * @param events the number of their events
   */
  public TransferCount(long incidents, long events) {
    this(incidents, events, 0);
  }
}
