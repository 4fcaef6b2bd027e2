package io.itsm.rules.testkit;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.TicketLine;
import io.itsm.core.json.TicketReader;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What-if: triages past tickets with the current policy and a candidate, and reports what would
 * change before the candidate is deployed.
 *
 * <pre>{@code
 * TriageEngine current = TriageEngine.withDefaults();
 * TriageEngine candidate = TriageEngine.builder().addRulesDirectory(Path.of("rules-next")).build();
 * WhatIfReport report = WhatIf.compare(current, candidate, Path.of("tickets.jsonl"), 10);
 * System.out.println(report.toText());   // or report.toJson()
 * }</pre>
 *
 * <p>The input is read as a stream: memory holds the counters, the first {@code maxExamples}
 * changed tickets and the first {@link #MAX_PROBLEMS_KEPT} problems, whatever the input's size.
 * Lines that are not valid tickets and tickets a policy fails on are counted and reported with
 * their line number; the comparison goes on. A ticket without {@code openedAt} is triaged by both
 * policies as if opened at the instant the comparison started, so time-dependent rules (business
 * hours) see the same time on both sides. Each policy triages the tickets in bulk ({@link
 * TriagePolicy#triageAll(List)}, batches of {@value #BATCH}), which decides exactly as one triage
 * per ticket; a policy whose bulk triage fails as a whole triages that batch one ticket at a time.
 *
 * <p>Stateless and thread-safe; each comparison runs on the calling thread.
 */
public final class WhatIf {

  /** How many tickets each policy triages at once ({@link TriagePolicy#triageAll(List)}). */
  static final int BATCH = 500;

  /** The number of bad lines and of triage failures kept for the report: {@value}. */
  public static final int MAX_PROBLEMS_KEPT = 100;

  /** The attributes compared, in report order (TAG compares the set of tags). */
  static final List<TriageAttribute> ATTRIBUTES =
      List.of(
          TriageAttribute.CATEGORY,
          TriageAttribute.SUBCATEGORY,
          TriageAttribute.IMPACT,
          TriageAttribute.URGENCY,
          TriageAttribute.PRIORITY,
          TriageAttribute.TEAM,
          TriageAttribute.SUPPORT_LEVEL,
          TriageAttribute.APPROVAL_REQUIRED,
          TriageAttribute.TAG);

  private WhatIf() {}

  /**
   * Compares two policies over a JSON Lines ticket file (the ticket format of {@code
   * docs/json.md}, one per line).
   *
   * @param base the current policy
   * @param candidate the policy that would replace it
   * @param jsonLines the ticket file
   * @param maxExamples how many changed tickets to keep as examples, at least 0
   * @return the report
   * @throws IllegalArgumentException if {@code maxExamples} is negative
   * @throws UncheckedIOException if the file cannot be read
   */
  public static WhatIfReport compare(
      TriagePolicy base, TriagePolicy candidate, Path jsonLines, int maxExamples) {
    Objects.requireNonNull(jsonLines, "jsonLines");
    try (TicketReader reader =
        ItsmJson.defaults().ticketReader(Files.newInputStream(jsonLines))) {
      return compare(base, candidate, reader, maxExamples);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jsonLines, e);
    }
  }

  /**
   * Compares two policies over ticket lines, for example a {@link TicketReader}.
   *
   * @param base the current policy
   * @param candidate the policy that would replace it
   * @param lines the tickets (or failed lines) with their line numbers
   * @param maxExamples how many changed tickets to keep as examples, at least 0
   * @return the report
   * @throws IllegalArgumentException if {@code maxExamples} is negative
   */
  public static WhatIfReport compare(
      TriagePolicy base, TriagePolicy candidate, Iterator<TicketLine> lines, int maxExamples) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(lines, "lines");
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples must be at least 0, but was " + maxExamples);
    }
    Instant start = Instant.now();
    long read = 0;
    long changed = 0;
    long badLines = 0;
    long failed = 0;
    List<WhatIfReport.Problem> bad = new ArrayList<>();
    List<WhatIfReport.Problem> failures = new ArrayList<>();
    Map<TriageAttribute, Long> perAttribute = new HashMap<>();
    Map<WhatIfReport.Transition, Long> transitions = new HashMap<>();
    List<WhatIfReport.Example> examples = new ArrayList<>();
    while (lines.hasNext()) {
      List<TicketLine> batch = new ArrayList<>(BATCH);
      List<Ticket> tickets = new ArrayList<>(BATCH);
      while (batch.size() < BATCH && lines.hasNext()) {
        TicketLine line = Objects.requireNonNull(lines.next(), "line");
        batch.add(line);
        if (line instanceof TicketLine.Parsed) {
          Ticket ticket = line.orElseThrow();
          if (ticket.openedAt().isEmpty()) {
            ticket = ticket.toBuilder().openedAt(start).build();
          }
          tickets.add(ticket);
        }
      }
      List<TriageOutcome> baseOutcomes = bulk(base, tickets);
      List<TriageOutcome> candidateOutcomes = bulk(candidate, tickets);
      int next = 0;
      for (TicketLine line : batch) {
        if (line instanceof TicketLine.Failed f) {
          badLines++;
          if (bad.size() < MAX_PROBLEMS_KEPT) {
            bad.add(new WhatIfReport.Problem(f.lineNumber(), f.error().getProblem()));
          }
          continue;
        }
        read++;
        Ticket ticket = tickets.get(next);
        TriageResult before;
        TriageResult after;
        try {
          before = result(base, ticket, baseOutcomes, next, "base");
          after = result(candidate, ticket, candidateOutcomes, next, "candidate");
        } catch (PolicyFailure e) {
          failed++;
          if (failures.size() < MAX_PROBLEMS_KEPT) {
            failures.add(new WhatIfReport.Problem(line.lineNumber(), e.getMessage()));
          }
          continue;
        } finally {
          next++;
        }
        List<WhatIfReport.Change> changes = new ArrayList<>();
        for (TriageAttribute a : ATTRIBUTES) {
          String from = value(before, a);
          String to = value(after, a);
          if (!from.equals(to)) {
            WhatIfReport.Change c = new WhatIfReport.Change(Expectation.key(a), from, to);
            changes.add(c);
            perAttribute.merge(a, 1L, Long::sum);
            transitions.merge(new WhatIfReport.Transition(c.attribute(), from, to, 0), 1L, Long::sum);
          }
        }
        if (!changes.isEmpty()) {
          changed++;
          if (examples.size() < maxExamples) {
            examples.add(new WhatIfReport.Example(
                line.lineNumber(), line.orElseThrow(), changes, before, after));
          }
        }
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (TriageAttribute a : ATTRIBUTES) {
      counts.put(Expectation.key(a), perAttribute.getOrDefault(a, 0L));
    }
    List<WhatIfReport.Transition> sorted = new ArrayList<>();
    transitions.forEach((t, n) -> sorted.add(new WhatIfReport.Transition(t.attribute(), t.from(), t.to(), n)));
    sorted.sort(
        Comparator.comparingLong(WhatIfReport.Transition::count).reversed()
            .thenComparing(WhatIfReport.Transition::text));
    return new WhatIfReport(
        read, changed, badLines, bad, failed, failures, counts, sorted, examples);
  }

  /**
   * The policy's outcomes for a batch ({@link TriagePolicy#triageAll(List)}), or null if the
   * batch as a whole failed (each ticket is then triaged alone, failing on its own).
   */
  private static List<TriageOutcome> bulk(TriagePolicy policy, List<Ticket> tickets) {
    try {
      List<TriageOutcome> outcomes = policy.triageAll(tickets);
      return outcomes != null && outcomes.size() == tickets.size() ? outcomes : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** One ticket's result from its batch's outcomes, or from a triage of its own. */
  private static TriageResult result(TriagePolicy policy, Ticket ticket,
      List<TriageOutcome> outcomes, int index, String which) {
    if (outcomes == null) {
      return triage(policy, ticket, which);
    }
    TriageOutcome o = outcomes.get(index);
    if (o instanceof TriageOutcome.Failed f) {
      throw new PolicyFailure(which + " policy failed: " + f.failure().getMessage());
    }
    return o.orElseThrow();
  }

  private static TriageResult triage(TriagePolicy policy, Ticket ticket, String which) {
    TriageResult r;
    try {
      r = policy.triage(ticket);
    } catch (ItsmException e) {
      throw new PolicyFailure(which + " policy failed: " + e.getMessage());
    }
    if (r == null) {
      throw new PolicyFailure(which + " policy returned null");
    }
    return r;
  }

  /** The compared value of an attribute: tags as a sorted set text. */
  static String value(TriageResult r, TriageAttribute a) {
    if (a == TriageAttribute.TAG) {
      return new TreeSet<>(r.tags()).toString();
    }
    return Expectation.actualValue(r, a);
  }

  private static final class PolicyFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PolicyFailure(String message) {
      super(message, null, false, false);
    }
  }
}
