package io.itsm.examples.embed;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.lifecycle.IllegalTransitionException;
import io.itsm.rules.TriageEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How an application embeds the desk: tickets arrive as JSON (from a web form, a mail gateway or
 * a monitoring webhook), the desk triages them with the default rules, a listener writes every
 * event to the application's audit log as JSON, and a stored history replays to the same state.
 *
 * <p>Run it with {@code java -cp itsm-examples/target/itsm.jar
 * io.itsm.examples.embed.EmbeddedDeskExample}.
 */
public final class EmbeddedDeskExample {

  /** A ticket as the portal posts it, in the ticket format of {@code docs/json.md}. */
  public static final String PORTAL_TICKET = """
      {"title": "Drucker im 3. Stock druckt nicht",
       "description": "Der Drucker zeigt Papierstau, obwohl kein Papier feststeckt.",
       "channel": "PORTAL",
       "caller": {"id": "lena", "name": "Lena Vogel", "language": "de", "department": "Finance"},
       "errorCodes": ["E-202"]}
      """;

  private final ItsmJson json = ItsmJson.defaults();
  private final List<String> auditLog = Collections.synchronizedList(new ArrayList<>());
  private final ServiceDesk desk;

  /**
   * Creates the application's desk.
   *
   * @param clock the clock the desk uses
   */
  public EmbeddedDeskExample(Clock clock) {
    this.desk = ServiceDesk.builder()
        .clock(clock)
        .triagePolicy(TriageEngine.withDefaults())
        .listener((event, incident) -> auditLog.add(json.writeEvent(event)))
        .build();
  }

  /**
   * Logs a ticket posted as JSON by the caller it names.
   *
   * @param ticketJson the ticket
   * @return the new incident
   */
  public Incident receive(String ticketJson) {
    var ticket = json.readTicket(ticketJson);
    Actor caller = Actor.endUser(ticket.caller().orElseThrow().id());
    return desk.log(caller, ticket);
  }

  /**
   * Runs the example: receive, work, hold, resume, resolve, confirm; then replay the audit log.
   *
   * @return what happened, one line per step
   */
  public List<String> run() {
    List<String> out = new ArrayList<>();
    Incident inc = receive(PORTAL_TICKET);
    out.add("logged " + inc.id() + ": " + inc.category().orElse("?") + "/" + inc.subcategory().orElse("?")
        + " " + inc.priority().map(Enum::name).orElse("?") + " -> " + inc.team().orElse("?"));

    Actor tech = Actor.of("tom", Role.AGENT, inc.team().orElseThrow());
    Actor lena = Actor.endUser("lena");
    try {
      desk.resume(tech, inc.id(), "");
    } catch (IllegalTransitionException e) {
      out.add("rejected: " + e.getMessage());
    }
    desk.startWork(tech, inc.id());
    desk.putOnHold(tech, inc.id(), OnHoldReason.AWAITING_USER, "Welcher Drucker genau?");
    desk.comment(lena, inc.id(), "Der HP im Raum 3.14", Visibility.PUBLIC);
    desk.resume(tech, inc.id(), "");
    desk.proposeResolution(tech, inc.id(), "SOLVED_FIXED", "Sensor der Papierzufuhr gereinigt");
    inc = desk.confirmResolution(lena, inc.id());
    out.add("status " + inc.status() + ", version " + inc.version());

    List<IncidentEvent> stored = new ArrayList<>();
    for (String line : auditLog) {
      stored.add(json.readEvent(line));
    }
    Incident replayed = IncidentHistory.replay(stored);
    out.add("audit log: " + auditLog.size() + " events; replayed state equals live state: "
        + replayed.equals(inc));
    return out;
  }

  /**
   * Returns the audit log: one JSON document per event.
   *
   * @return an immutable copy
   */
  public List<String> auditLog() {
    return List.copyOf(auditLog);
  }

  /**
   * Runs the example on the system clock.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new EmbeddedDeskExample(Clock.systemUTC()).run().forEach(System.out::println);
  }
}
