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
 * <p>The mapping is Jackson databind, package-private in this package: the model has no Jackson
 * annotations. Records map by their components under the format's general rules ({@code
 * FormatRules}); mixins ({@code Mixins}) add what differs; tickets, incidents, approval stages,
 * approvers and triage decisions map through records shaped as their JSON ({@code *Document});
 * events are polymorphic by their simple name in {@code "type"}; one translator ({@code
 * ErrorTranslator}) turns every Jackson exception into a {@code JsonFormatException}.
 *
 * <p>{@code ItsmJson} is immutable and thread-safe; {@code TicketReader} is not thread-safe.
 */
package io.itsm.core.json;
