package io.itsm.core.json;

import io.itsm.core.incident.Ticket;
import java.util.Objects;
import java.util.Optional;

/**
 * One non-blank line of a JSON Lines ticket file, read by a {@link TicketReader}: either a {@link
 * Parsed ticket} or a {@link Failed failure}, with the 1-based line number in the file.
 *
 * <pre>{@code
 * if (line instanceof TicketLine.Failed f) {
 *   System.err.println("line " + f.lineNumber() + ": " + f.error().getProblem());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface TicketLine permits TicketLine.Parsed, TicketLine.Failed {

  /**
   * Returns the 1-based number of the line in the file.
   *
   * @return the line number
   */
  long lineNumber();

  /**
   * Returns the ticket when the line was read.
   *
   * @return the ticket, or empty when the line failed
   */
  Optional<Ticket> ticket();

  /**
   * Returns the ticket, or throws the line's error.
   *
   * @return the ticket
   * @throws JsonFormatException the line's error, when it failed; its line is {@link #lineNumber()}
   */
  Ticket orElseThrow();

  /**
   * A line that was read as a ticket.
   *
   * @param lineNumber the 1-based line number
   * @param value the ticket
   */
  record Parsed(long lineNumber, Ticket value) implements TicketLine {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Parsed {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<Ticket> ticket() {
      return Optional.of(value);
    }

    @Override
    public Ticket orElseThrow() {
      return value;
    }
  }

  /**
   * A line that could not be read as a ticket.
   *
   * @param lineNumber the 1-based line number
   * @param error what is wrong; its {@link JsonFormatException#getLine()} is {@code lineNumber}
   */
  record Failed(long lineNumber, JsonFormatException error) implements TicketLine {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code error} is null
     */
    public Failed {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public Optional<Ticket> ticket() {
      return Optional.empty();
    }

    @Override
    public Ticket orElseThrow() {
      throw error;
    }
  }
}
