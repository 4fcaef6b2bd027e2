package io.itsm.examples.bench;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.json.ItsmJson;
import io.itsm.rules.TeamMap;
import io.itsm.rules.keywords.KeywordDictionary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic data for the scaling benchmarks: a dictionary and a team map of a given size, and
 * tickets whose text hits the same few entries whatever the size, so that only the size changes.
 *
 * <p>Entry {@code i} of {@link #dictionary(int)} is in category {@code c(i % 10)}, subcategory
 * {@code s(i / 10 % 5)}, with the term {@code term<i>} (every third entry a two-word phrase
 * {@code term<i> fault}, every seventh a prefix term {@code pre<i>x*}). The tickets of {@link
 * #tickets(int, int)} mention terms of the first 40 entries only, which exist in every dictionary
 * of at least 40 entries (for 10 entries, the words of the missing ones simply do not match).
 *
 * <p>{@link #teams(int)} has {@code size} category entries and {@code size} language entries; the
 * odd categories {@code c1, c3, ..., c9} have a team, the even ones go to the fallback team.
 *
 * <p>Stateless and thread-safe.
 */
public final class BenchData {

  private static final Instant BASE = Instant.parse("2024-06-03T00:00:00Z");
  private static final String[] FILLER = {
    "please", "help", "since", "this", "morning", "again", "the", "my", "is", "not", "working"
  };
  private static final String[] LANGUAGES = {"en", "de", "l1", "l3", null};

  private BenchData() {}

  /**
   * Returns a dictionary of exactly {@code size} entries.
   *
   * @param size the number of entries, at least 1
   * @return the dictionary
   */
  public static KeywordDictionary dictionary(int size) {
    KeywordDictionary.Builder b = KeywordDictionary.builder();
    for (int i = 0; i < size; i++) {
      b.add("c" + (i % 10), "s" + (i / 10 % 5), "en", term(i));
    }
    return b.build();
  }

  private static String term(int i) {
    if (i % 7 == 0) {
      return "pre" + i + "x*";
    }
    return i % 3 == 0 ? "term" + i + " fault" : "term" + i;
  }

  /** Text that hits entry {@code i}. */
  private static String text(int i) {
    if (i % 7 == 0) {
      return "pre" + i + "xyz";
    }
    return i % 3 == 0 ? "term" + i + " fault" : "Term" + i;
  }

  /**
   * Returns a team map with {@code size} category entries and {@code size} language entries.
   *
   * @param size the number of entries of each kind
   * @return the map
   */
  public static TeamMap teams(int size) {
    Map<String, String> categories = new HashMap<>();
    for (int i = 1; i < 10 && i < size; i += 2) {
      categories.put("c" + i, "team-" + i);
    }
    for (int i = 10; categories.size() < size; i++) {
      categories.put("c" + i, "team-" + (i % 100));
    }
    Map<String, String> languages = new HashMap<>();
    languages.put("de", "service-desk-de");
    for (int i = 1; languages.size() < size; i++) {
      languages.put("l" + i, "desk-l" + i);
    }
    return TeamMap.of("service-desk", categories, languages, Map.of());
  }

  /**
   * Generates tickets that hit one to four entries among the first 40 of the dictionary.
   *
   * @param count how many
   * @param seed the seed
   * @return the tickets, equal for equal arguments
   */
  public static List<Ticket> tickets(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Ticket> out = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      StringBuilder title = new StringBuilder();
      int hits = 1 + r.nextInt(4);
      for (int k = 0; k < hits; k++) {
        title.append(FILLER[r.nextInt(FILLER.length)]).append(' ');
        title.append(text(r.nextInt(40))).append(", ");
      }
      title.append(FILLER[r.nextInt(FILLER.length)]);
      Ticket.Builder b =
          Ticket.builder()
              .id("SYN-" + n)
              .type(r.nextInt(6) == 0 ? IncidentType.SERVICE_REQUEST : IncidentType.INCIDENT)
              .title(title.toString())
              .description(r.nextBoolean() ? "" : "It started after the update yesterday.")
              .affectedUsers(r.nextInt(20) == 0 ? 60 : 1 + r.nextInt(5))
              .caller(
                  Caller.of("u" + r.nextInt(1000))
                      .withLanguage(LANGUAGES[r.nextInt(LANGUAGES.length)])
                      .withVip(r.nextInt(10) == 0))
              .openedAt(BASE.plus(Duration.ofMinutes(r.nextInt(7 * 24 * 60))));
      if (r.nextBoolean()) {
        b.impact(Impact.values()[r.nextInt(3)]);
      }
      if (r.nextBoolean()) {
        b.urgency(Urgency.values()[r.nextInt(3)]);
      }
      out.add(b.build());
    }
    return List.copyOf(out);
  }

  /**
   * The default packs with the critical configuration items and services of {@link
   * io.itsm.rules.testkit.TicketGenerator}: the engine every triage benchmark measures.
   *
   * @return the engine
   */
  public static io.itsm.rules.TriageEngine generatedTicketsEngine() {
    return io.itsm.rules.TriageEngine.builder()
        .criticalConfigurationItems(io.itsm.rules.testkit.TicketGenerator.CRITICAL_CONFIGURATION_ITEMS)
        .criticalServices(io.itsm.rules.testkit.TicketGenerator.CRITICAL_SERVICES)
        .build();
  }

  /**
   * The hand-written baseline configured like {@link #generatedTicketsEngine()}.
   *
   * @return the baseline
   */
  public static HandWrittenTriage generatedTicketsBaseline() {
    return HandWrittenTriage.withDefaults(
        io.itsm.rules.testkit.TicketGenerator.CRITICAL_CONFIGURATION_ITEMS,
        io.itsm.rules.testkit.TicketGenerator.CRITICAL_SERVICES);
  }

  /**
   * Writes {@code count} tickets of {@link io.itsm.rules.testkit.TicketGenerator} as JSON Lines
   * (one {@link ItsmJson#writeTicket} per line, UTF-8): the input of the
   * command-line measure.
   *
   * @param file the file (replaced)
   * @param count how many tickets
   * @return {@code file}
   * @throws IOException if writing fails
   */
  public static Path writeTickets(Path file, int count)
      throws IOException {
    ItsmJson json = ItsmJson.defaults();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Ticket t : io.itsm.rules.testkit.TicketGenerator.generate(count)) {
        w.write(json.writeTicket(t));
        w.write('\n');
      }
    }
    return file;
  }
}
