package io.itsm.examples.demo;

import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.TicketLine;
import io.itsm.core.json.TicketReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled sample tickets: fifty realistic tickets in English, German, Swedish, Spanish and
 * French (network, hardware, software, security, accounts, data recovery, performance, service
 * requests, monitoring alerts, VIP callers, outages with many affected users), as JSON Lines in
 * {@value #RESOURCE}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SampleTickets {

  /** The classpath resource holding the sample tickets. */
  public static final String RESOURCE = "/io/itsm/examples/sample-tickets.jsonl";

  private SampleTickets() {}

  /**
   * Reads the sample tickets.
   *
   * @return the tickets, in file order
   * @throws UncheckedIOException if the resource is missing or unreadable
   * @throws io.itsm.core.json.JsonFormatException if a line is not a ticket (a bug in the file)
   */
  public static List<Ticket> load() {
    InputStream in = SampleTickets.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new UncheckedIOException(new IOException(RESOURCE + " is not on the classpath"));
    }
    return read(in);
  }

  /**
   * Reads tickets from JSON Lines, failing at the first bad line.
   *
   * @param jsonLines the text; closed afterwards
   * @return the tickets, in order
   * @throws io.itsm.core.json.JsonFormatException at the first bad line, naming it
   * @throws UncheckedIOException if reading fails
   */
  public static List<Ticket> read(InputStream jsonLines) {
    List<Ticket> tickets = new ArrayList<>();
    try (TicketReader reader = ItsmJson.defaults().ticketReader(jsonLines)) {
      while (reader.hasNext()) {
        TicketLine line = reader.next();
        tickets.add(line.orElseThrow());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tickets;
  }
}
