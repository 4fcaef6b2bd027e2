package io.itsm.rules.testkit;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fixed sample of tickets that exercises rules the way real traffic does, for {@link
 * RuleValidation}: every channel and no channel, incidents and service requests, every language of
 * the default dictionary and none, VIP and anonymous callers, every reported impact and urgency
 * and none, and edge values — no affected user, one, exactly the default threshold, millions; an
 * empty description, a long text, a title without any keyword, business hours and a Sunday night,
 * tags, attributes, configuration items and services.
 *
 * <p>Stateless and thread-safe; the tickets are immutable.
 */
public final class SampleTickets {

  private static final Instant MONDAY_NOON = Instant.parse("2024-06-03T12:00:00Z");
  private static final Instant SUNDAY_NIGHT = Instant.parse("2024-06-09T23:30:00Z");

  private static final String[][] TITLES = {
    {"en", "VPN drops every few minutes"},
    {"de", "Drucker im 3. Stock hat Papierstau"},
    {"sv", "Kan inte logga in, glömt lösenordet"},
    {"es", "Correo sospechoso de phishing"},
    {"fr", "L'application plante au démarrage"},
  };

  private SampleTickets() {}

  /**
   * Returns the sample, with ids {@code SAMPLE-1}, {@code SAMPLE-2}, ... in a fixed order.
   *
   * @return an immutable list of about 60 tickets
   */
  public static List<Ticket> all() {
    List<Ticket.Builder> out = new ArrayList<>();
    for (Channel c : Channel.values()) {
      out.add(base("Outlook crashes at startup").channel(c));
    }
    out.add(base("No channel given").channel(null));
    for (IncidentType t : IncidentType.values()) {
      out.add(base("Please install Adobe Reader").type(t));
    }
    for (String[] lt : TITLES) {
      out.add(base(lt[1]).caller(caller("u-" + lt[0], lt[0], false)));
    }
    out.add(base("Laptop does not boot").caller(caller("vip-1", "en", true)));
    out.add(base("Anonymous monitoring alert: disk full").caller(null)
        .channel(Channel.MONITORING));
    for (Impact i : Impact.values()) {
      for (Urgency u : Urgency.values()) {
        out.add(base("ERP is slow").impact(i).urgency(u));
      }
    }
    out.add(base("Impact only").impact(Impact.HIGH));
    out.add(base("Urgency only").urgency(Urgency.LOW));
    for (int users : new int[] {0, 1, 49, 50, 51, 1_000_000}) {
      out.add(base("Mail server down for many users").affectedUsers(users));
    }
    out.add(base("x"));
    out.add(base("Nothing we have a keyword for: quarterly party planning"));
    out.add(base("Wifi keeps dropping").description(
        "The wifi drops. ".repeat(4_000) + "Tried rebooting the router and the laptop."));
    out.add(base("Printer jam on a Sunday night").openedAt(SUNDAY_NIGHT));
    out.add(base("Phishing mail with attachment").tags(Set.of("security", "mail"))
        .attributes(Map.of("site", "HQ", "cost-centre", "4711")));
    out.add(base("Database error 0x80004005").configurationItem("db-erp-01").service("erp")
        .errorCodes(List.of("0x80004005", "ORA-00600")));
    out.add(base("Unicode: 東京のプリンターが故障 — ça ne marche pas ✓"));
    out.add(base("MIXED case VPN and PRINTER and password and malware"));
    List<Ticket> tickets = new ArrayList<>();
    int n = 1;
    for (Ticket.Builder b : out) {
      tickets.add(b.id("SAMPLE-" + n++).build());
    }
    return List.copyOf(tickets);
  }

  private static Ticket.Builder base(String title) {
    return Ticket.builder().title(title).openedAt(MONDAY_NOON)
        .caller(caller("u-1", "en", false)).channel(Channel.PORTAL);
  }

  private static Caller caller(String id, String language, boolean vip) {
    return new Caller(id, Optional.of("Sample User"), Optional.empty(), Optional.of("Finance"),
        Optional.of("floor-3"), Optional.ofNullable(language), vip);
  }
}
