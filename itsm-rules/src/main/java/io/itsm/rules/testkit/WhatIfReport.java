package io.itsm.rules.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a {@link WhatIf} comparison: how many tickets were read, how many would change,
 * per attribute and per transition, the first changed tickets with both explanations, and the
 * lines that could not be read or triaged.
 *
 * <p>Immutable and thread-safe.
 */
public final class WhatIfReport {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final long ticketsRead;
  private final long ticketsChanged;
  private final long badLineCount;
  private final List<Problem> badLines;
  private final long failureCount;
  private final List<Problem> failures;
  private final Map<String, Long> changesPerAttribute;
  private final List<Transition> transitions;
  private final List<Example> examples;

  WhatIfReport(
      long ticketsRead,
      long ticketsChanged,
      long badLineCount,
      List<Problem> badLines,
      long failureCount,
      List<Problem> failures,
      Map<String, Long> changesPerAttribute,
      List<Transition> transitions,
      List<Example> examples) {
    this.ticketsRead = ticketsRead;
    this.ticketsChanged = ticketsChanged;
    this.badLineCount = badLineCount;
    this.badLines = List.copyOf(badLines);
    this.failureCount = failureCount;
    this.failures = List.copyOf(failures);
    this.changesPerAttribute = Collections.unmodifiableMap(new LinkedHashMap<>(changesPerAttribute));
    this.transitions = List.copyOf(transitions);
    this.examples = List.copyOf(examples);
  }

  /**
   * A line that could not be read, or a ticket a policy failed on.
   *
   * @param lineNumber the 1-based line number in the input
   * @param problem what is wrong
   */
  public record Problem(long lineNumber, String problem) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code problem} is null
     */
    public Problem {
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
      return "line " + lineNumber + ": " + problem;
    }
  }

  /**
   * One attribute of one ticket that would change.
   *
   * @param attribute the attribute's key, as in scenario files: {@code "priority"}, {@code
   *     "supportLevel"}, {@code "tags"}
   * @param from the value under the base policy; {@value Expectation#UNDECIDED} when undecided;
   *     tags as {@code "[a, b]"}
   * @param to the value under the candidate policy
   */
  public record Change(String attribute, String from, String to) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Change {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public String toString() {
      return attribute + " " + from + "→" + to;
    }
  }

  /**
   * How many tickets changed one attribute from one value to another.
   *
   * @param attribute the attribute's key
   * @param from the base value
   * @param to the candidate value
   * @param count how many tickets
   */
  public record Transition(String attribute, String from, String to, long count) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Transition {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    /**
     * Returns the transition without the count: {@code "priority P3→P2"}.
     *
     * @return the text
     */
    public String text() {
      return attribute + " " + from + "→" + to;
    }

    /** Returns {@code "priority P3→P2: 41"}. */
    @Override
    public String toString() {
      return text() + ": " + count;
    }
  }

  /**
   * A changed ticket with both triage results.
   *
   * @param lineNumber the 1-based line number in the input
   * @param ticket the ticket as read
   * @param changes the attributes that changed
   * @param base the base policy's result
   * @param candidate the candidate policy's result
   */
  public record Example(
      long lineNumber, Ticket ticket, List<Change> changes, TriageResult base, TriageResult candidate) {
    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Example {
      Objects.requireNonNull(ticket, "ticket");
      changes = List.copyOf(changes);
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(candidate, "candidate");
    }
  }

  /**
   * Returns how many tickets were read and triaged (bad lines not included).
   *
   * @return the count
   */
  public long ticketsRead() {
    return ticketsRead;
  }

  /**
   * Returns how many tickets had at least one attribute change.
   *
   * @return the count
   */
  public long ticketsChanged() {
    return ticketsChanged;
  }

  /**
   * Returns how many lines were not valid tickets.
   *
   * @return the count
   */
  public long badLineCount() {
    return badLineCount;
  }

  /**
   * Returns the first {@link WhatIf#MAX_PROBLEMS_KEPT} bad lines.
   *
   * @return an immutable list, in input order
   */
  public List<Problem> badLines() {
    return badLines;
  }

  /**
   * Returns how many tickets a policy failed on (they count as read, not as changed).
   *
   * @return the count
   */
  public long failureCount() {
    return failureCount;
  }

  /**
   * Returns the first {@link WhatIf#MAX_PROBLEMS_KEPT} tickets a policy failed on.
   *
   * @return an immutable list, in input order
   */
  public List<Problem> failures() {
    return failures;
  }

  /**
   * Returns per attribute how many tickets it changed for, every attribute included.
   *
   * @return attribute key → count, in the order category, subcategory, impact, urgency, priority,
   *     team, supportLevel, approvalRequired, tags
   */
  public Map<String, Long> changesPerAttribute() {
    return changesPerAttribute;
  }

  /**
   * Returns the transitions, most frequent first, ties by text.
   *
   * @return an immutable list
   */
  public List<Transition> transitions() {
    return transitions;
  }

  /**
   * Returns the first changed tickets, at most {@code maxExamples}.
   *
   * @return an immutable list, in input order
   */
  public List<Example> examples() {
    return examples;
  }

  /**
   * Returns the report as text:
   *
   * <pre>
   * What-if: 6 tickets read, 2 changed (33.3 %), 1 bad line, 0 triage failures
   *
   * Changes per attribute:
   *   priority          2
   *   approvalRequired  1
   *
   * Transitions:
   *   approvalRequired false→true: 1
   *   priority P3→P2: 1
   *   priority P4→P3: 1
   *
   * Bad lines:
   *   line 4: title: required, but missing
   *
   * Examples (first 1 of 2):
   *   line 2 [EXT-2] Printer on floor 3 has a paper jam
   *     priority P3→P2, approvalRequired false→true
   *     base:
   *       ...
   *     candidate:
   *       ...
   * </pre>
   *
   * Attributes without changes are left out of "Changes per attribute".
   *
   * @return the text
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("What-if: ").append(ticketsRead).append(ticketsRead == 1 ? " ticket" : " tickets")
        .append(" read, ").append(ticketsChanged).append(" changed (")
        .append(String.format(Locale.ROOT, "%.1f", ticketsRead == 0 ? 0.0 : 100.0 * ticketsChanged / ticketsRead))
        .append(" %), ").append(badLineCount).append(badLineCount == 1 ? " bad line, " : " bad lines, ")
        .append(failureCount).append(failureCount == 1 ? " triage failure" : " triage failures");
    if (ticketsChanged > 0) {
      sb.append("\n\nChanges per attribute:");
      changesPerAttribute.forEach((a, n) -> {
        if (n > 0) {
          sb.append('\n').append(String.format(Locale.ROOT, "  %-17s %d", a, n));
        }
      });
      sb.append("\n\nTransitions:");
      transitions.forEach(t -> sb.append("\n  ").append(t));
    }
    appendProblems(sb, "Bad lines", badLines, badLineCount);
    appendProblems(sb, "Triage failures", failures, failureCount);
    if (!examples.isEmpty()) {
      sb.append("\n\nExamples (first ").append(examples.size()).append(" of ")
          .append(ticketsChanged).append("):");
      for (Example e : examples) {
        sb.append("\n  line ").append(e.lineNumber()).append(' ');
        e.ticket().id().ifPresent(id -> sb.append('[').append(id).append("] "));
        sb.append(e.ticket().title());
        sb.append("\n    ").append(String.join(", ", e.changes().stream().map(Change::toString).toList()));
        sb.append("\n    base:\n").append(Explanations.explain(e.base(), "      "));
        sb.append("\n    candidate:\n").append(Explanations.explain(e.candidate(), "      "));
      }
    }
    return sb.toString();
  }

  private static void appendProblems(StringBuilder sb, String title, List<Problem> kept, long count) {
    if (count == 0) {
      return;
    }
    sb.append("\n\n").append(title).append(kept.size() < count ? " (first " + kept.size() + " of " + count + ")" : "").append(':');
    kept.forEach(p -> sb.append("\n  ").append(p));
  }

  /**
   * Returns the report as a JSON document (two-space indented):
   *
   * <pre>{@code
   * {
   *   "ticketsRead": 6, "ticketsChanged": 2, "badLineCount": 1, "failureCount": 0,
   *   "changesPerAttribute": {"category": 0, ..., "priority": 2, ...},
   *   "transitions": [{"attribute": "priority", "from": "P3", "to": "P2", "count": 1}],
   *   "badLines": [{"line": 4, "problem": "title: required, but missing"}],
   *   "failures": [],
   *   "examples": [{"line": 2, "ticket": {ticket format},
   *                 "changes": [{"attribute": "priority", "from": "P3", "to": "P2"}],
   *                 "base": {"decisions": [{"attribute": "PRIORITY", "value": "P3", "rule": "...",
   *                                         "reason": "...", "precedence": 0}],
   *                          "overruled": [...], "firedRules": [...]},
   *                 "candidate": {...}}]
   * }
   * }</pre>
   *
   * @return the JSON text
   */
  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("ticketsRead", ticketsRead);
    root.put("ticketsChanged", ticketsChanged);
    root.put("badLineCount", badLineCount);
    root.put("failureCount", failureCount);
    ObjectNode per = root.putObject("changesPerAttribute");
    changesPerAttribute.forEach(per::put);
    ArrayNode ts = root.putArray("transitions");
    for (Transition t : transitions) {
      ts.addObject().put("attribute", t.attribute()).put("from", t.from()).put("to", t.to())
          .put("count", t.count());
    }
    problems(root.putArray("badLines"), badLines);
    problems(root.putArray("failures"), failures);
    ArrayNode ex = root.putArray("examples");
    try {
      for (Example e : examples) {
        ObjectNode o = ex.addObject();
        o.put("line", e.lineNumber());
        o.set("ticket", MAPPER.readTree(ItsmJson.defaults().writeTicket(e.ticket())));
        ArrayNode cs = o.putArray("changes");
        e.changes().forEach(c -> cs.addObject().put("attribute", c.attribute())
            .put("from", c.from()).put("to", c.to()));
        result(o.putObject("base"), e.base());
        result(o.putObject("candidate"), e.candidate());
      }
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void problems(ArrayNode array, List<Problem> problems) {
    problems.forEach(p -> array.addObject().put("line", p.lineNumber()).put("problem", p.problem()));
  }

  private static void result(ObjectNode o, TriageResult r) {
    ArrayNode decided = o.putArray("decisions");
    for (TriageDecision d : r.decisions()) {
      ObjectNode n = decision(decided, d);
      List<TriageDecision> chain =
          d.attribute() == TriageAttribute.TAG ? List.of() : r.contributing(d.attribute());
      if (chain.size() > 1) { // a bound moved the value: from what, by which rule
        TriageDecision before = chain.get(chain.size() - 2);
        n.putObject("from").put("value", before.valueText()).put("rule", before.rule())
            .put("reason", before.reason());
      }
    }
    ArrayNode overruled = o.putArray("overruled");
    r.overruled().forEach(d -> decision(overruled, d));
    ArrayNode fired = o.putArray("firedRules");
    r.firedRules().forEach(fired::add);
  }

  private static ObjectNode decision(ArrayNode array, TriageDecision d) {
    ObjectNode n = array.addObject().put("attribute", d.attribute().name())
        .put("value", d.valueText()).put("rule", d.rule()).put("reason", d.reason())
        .put("precedence", d.precedence());
    if (d.isBound()) {
      n.put("effect", d.effect().name());
    }
    return n;
  }

  @Override
  public String toString() {
    return "WhatIfReport{" + ticketsRead + " read, " + ticketsChanged + " changed}";
  }
}
