package io.itsm.rules.testkit;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates realistic, varied tickets deterministically from a seed: the same count and seed give
 * equal tickets on every JVM. For load tests, benchmarks and thread-safety tests.
 *
 * <pre>{@code
 * List<Ticket> tickets = TicketGenerator.generate(5_000);   // seed DEFAULT_SEED
 * }</pre>
 *
 * <p>Tickets mix the languages of the default dictionary (en, de, sv, es, fr), every category,
 * service requests, VIP callers, reported and missing impact/urgency, mass outages and the
 * configuration items and services of {@link #CRITICAL_CONFIGURATION_ITEMS} and {@link
 * #CRITICAL_SERVICES}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TicketGenerator {

  /** The seed of {@link #generate(int)}. */
  public static final long DEFAULT_SEED = 20240601L;

  /** Configuration items the generator uses that a benchmark may declare business-critical. */
  public static final Set<String> CRITICAL_CONFIGURATION_ITEMS = Set.of("srv-mail-01", "db-erp-01");

  /** Services the generator uses that a benchmark may declare business-critical. */
  public static final Set<String> CRITICAL_SERVICES = Set.of("erp");

  private static final Instant BASE = Instant.parse("2024-06-03T00:00:00Z");

  private static final String[] TITLES = {
    "VPN tunnel down, cannot connect from home",
    "Wifi keeps dropping in building B",
    "DNS lookup fails for intranet",
    "Printer on floor 3 has a paper jam",
    "Laptop battery does not charge",
    "External monitor flickers",
    "Outlook crashes at startup",
    "Application error code 0x80004005 in ERP",
    "License expired for Visio",
    "Phishing mail received, clicked the link",
    "Malware warning on my PC",
    "Forgot my password, account locked",
    "How do I share a calendar?",
    "Please install Adobe Reader",
    "Request access to the finance share",
    "Deleted file on the project drive, need restore",
    "ERP is very slow since this morning",
    "Need advice on choosing a backup tool",
    "Something is wrong",
    "Der Drucker druckt nicht, Papierstau",
    "VPN Verbindung bricht ab",
    "Passwort vergessen",
    "Skrivaren fungerar inte",
    "Glömt lösenord till kontot",
    "La impresora no imprime",
    "Mensaje de error al abrir la aplicación",
    "L'imprimante ne fonctionne pas",
    "Écran bleu au démarrage",
  };

  private static final String[] DETAILS = {
    "",
    "It started after the update yesterday.",
    "Several colleagues report the same.",
    "I already restarted twice.",
    "Error message: connection timed out.",
    "This blocks the month-end closing.",
    "Nothing else seems affected.",
  };

  private static final String[] LANGUAGES = {"en", "en", "en", "de", "sv", "es", "fr", null};
  private static final String[] SERVICES = {null, null, "email", "erp", "intranet", "vpn"};
  private static final String[] CIS = {null, null, null, "srv-mail-01", "db-erp-01", "pc-1042"};
  private static final String[] DEPARTMENTS = {"finance", "sales", "it", "hr", null};
  private static final Channel[] CHANNELS = Channel.values();

  private TicketGenerator() {}

  /**
   * Generates tickets with {@link #DEFAULT_SEED}.
   *
   * @param count how many, at least 0
   * @return an immutable list of {@code count} tickets
   * @throws ValidationException if {@code count} is negative
   */
  public static List<Ticket> generate(int count) {
    return generate(count, DEFAULT_SEED);
  }

  /**
   * Generates tickets.
   *
   * @param count how many, at least 0
   * @param seed the seed
   * @return an immutable list of {@code count} tickets, equal for equal arguments
   * @throws ValidationException if {@code count} is negative
   */
  public static List<Ticket> generate(int count, long seed) {
    if (count < 0) {
      throw new ValidationException("count must be at least 0, but was " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Ticket> tickets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tickets.add(next(random, i));
    }
    return List.copyOf(tickets);
  }

  private static Ticket next(SplittableRandom r, int i) {
    String title = TITLES[r.nextInt(TITLES.length)];
    String description =
        (DETAILS[r.nextInt(DETAILS.length)] + " " + DETAILS[r.nextInt(DETAILS.length)]).strip();
    Caller caller =
        Caller.of("u" + (1000 + r.nextInt(9000)))
            .withLanguage(LANGUAGES[r.nextInt(LANGUAGES.length)])
            .withDepartment(DEPARTMENTS[r.nextInt(DEPARTMENTS.length)])
            .withVip(r.nextInt(10) == 0);
    int affected = r.nextInt(20) == 0 ? 50 + r.nextInt(500) : 1 + r.nextInt(5);
    Ticket.Builder b =
        Ticket.builder()
            .id("GEN-" + i)
            .type(r.nextInt(6) == 0 ? IncidentType.SERVICE_REQUEST : IncidentType.INCIDENT)
            .title(title)
            .description(description)
            .channel(CHANNELS[r.nextInt(CHANNELS.length)])
            .caller(r.nextInt(25) == 0 ? null : caller)
            .affectedUsers(affected)
            .service(SERVICES[r.nextInt(SERVICES.length)])
            .configurationItem(CIS[r.nextInt(CIS.length)])
            .openedAt(BASE.plus(Duration.ofMinutes(r.nextInt(7 * 24 * 60))));
    if (r.nextBoolean()) {
      b.impact(Impact.values()[r.nextInt(3)]);
    }
    if (r.nextBoolean()) {
      b.urgency(Urgency.values()[r.nextInt(3)]);
    }
    return b.build();
  }
}
