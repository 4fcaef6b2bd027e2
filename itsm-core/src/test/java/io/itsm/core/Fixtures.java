package io.itsm.core;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import java.util.ArrayList;
import java.util.List;

/** Actors, tickets and a small hand-written triage policy shared by the core tests. */
final class Fixtures {

  static final Actor CALLER = Actor.endUser("u-anna");
  static final Actor OTHER_USER = Actor.endUser("u-bert");
  static final Actor NET_AGENT = Actor.of("a-nils", Role.AGENT, "network-ops");
  static final Actor DESK_AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Actor MANAGER = Actor.of("m-maja", Role.MANAGER, "network-ops");
  static final Actor MANAGER_2 = Actor.of("m-otto", Role.MANAGER);
  static final Actor ADMIN = Actor.of("root", Role.ADMIN);

  private Fixtures() {}

  static Ticket ticket(String title) {
    return Ticket.builder().title(title).caller(Caller.of(CALLER.id())).build();
  }

  /**
   * A plain-Java policy: titles mentioning "vpn" are network P2 for network-ops; "approval" in the
   * title requires approval.
   */
  static final TriagePolicy SIMPLE_POLICY =
      ticket -> {
        List<TriageDecision> d = new ArrayList<>();
        String t = ticket.title().toLowerCase(java.util.Locale.ROOT);
        if (t.contains("vpn")) {
          d.add(new TriageDecision(TriageAttribute.CATEGORY, "network", "VPN means Network", "title has 'vpn'", 0));
          d.add(new TriageDecision(TriageAttribute.SUBCATEGORY, "vpn", "VPN means Network", "title has 'vpn'", 0));
          d.add(new TriageDecision(TriageAttribute.PRIORITY, Priority.P2, "VPN outages are P2", "VPN is business-critical", 0));
          d.add(new TriageDecision(TriageAttribute.IMPACT, Impact.HIGH, "VPN outages are P2", "whole VPN", 0));
          d.add(new TriageDecision(TriageAttribute.TEAM, "network-ops", "Network goes to network-ops", "category network", 0));
          d.add(new TriageDecision(TriageAttribute.SUPPORT_LEVEL, SupportLevel.L2, "Network goes to network-ops", "specialists", 0));
          d.add(new TriageDecision(TriageAttribute.TAG, "vpn", "VPN means Network", "title has 'vpn'", 0));
        }
        if (t.contains("approval")) {
          d.add(new TriageDecision(TriageAttribute.APPROVAL_REQUIRED, true, "Sensitive needs approval", "title says so", 0));
        }
        return TriageResult.of(d, List.of(), d.stream().map(TriageDecision::rule).distinct().toList());
      };
}
