package io.itsm.examples.readme;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.rules.TriageEngine;

/**
 * The ten-line example on the README's first screen. {@code ReadmeExampleTest} runs it and checks
 * that the README shows exactly the lines between the {@code README:start} and {@code README:end}
 * markers.
 */
public final class ReadmeExample {

  private ReadmeExample() {}

  /**
   * Logs a ticket, lets the default rules triage and route it, resolves it and has the caller
   * confirm.
   *
   * @return the closed incident
   */
  public static Incident run() {
    // README:start
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(TriageEngine.withDefaults()).build();
    Actor anna = Actor.endUser("anna");
    Incident inc = desk.log(anna, Ticket.builder().title("VPN drops every few minutes").build());
    System.out.println(inc.category().get() + " " + inc.priority().get() + " " + inc.team().get()); // network P3 network-ops
    Actor nils = Actor.of("nils", Role.SPECIALIST, inc.team().orElseThrow());
    desk.startWork(nils, inc.id());
    desk.proposeResolution(nils, inc.id(), "SOLVED_FIXED", "Updated the VPN client to 5.4");
    inc = desk.confirmResolution(anna, inc.id());
    System.out.println(inc.status() + " after " + desk.history(anna, inc.id()).size() + " events");
    // README:end
    return inc;
  }

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run();
  }
}
