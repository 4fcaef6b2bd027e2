/**
 * JSON for tickets, incidents, events, histories and approvals, in the documented format of
 * {@code docs/json.md}.
 *
 * <p>{@link io.itsm.core.json.ItsmJson} reads and writes each document; {@link
 * io.itsm.core.json.TicketReader} streams tickets from JSON Lines, giving one {@link
 * io.itsm.core.json.TicketLine} per non-blank line; every reading problem is a {@link
 * io.itsm.core.json.JsonFormatException} that names the JSON path, the line and column, the
 * problem and the allowed values.
 *
 * <pre>{@code
 * ItsmJson json = ItsmJson.defaults();
 * Ticket ticket = json.readTicket("{\"title\":\"Printer on 3rd floor jams\",\"channel\":\"PORTAL\"}");
 * String history = json.writeHistory(events);        // {"formatVersion":1,"events":[...]}
 * }</pre>
 *
 * <p>The model has no Jackson annotations: the mapping lives in this package, package-private.
 * {@code ItsmJson} is immutable and thread-safe; {@code TicketReader} is not thread-safe.
 */
package io.itsm.core.json;
