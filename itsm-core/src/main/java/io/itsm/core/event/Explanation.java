package io.itsm.core.event;

import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an incident has its value of one attribute, from its history alone: every change of the
 * attribute, oldest first, with who decided it and, for triage, the decision that made the value
 * and the candidates it overruled. The last change is the answer; the earlier ones tell what it
 * replaced (a triage decision later changed by hand, a team replaced by an escalation).
 *
 * <pre>{@code
 * Explanation why = desk.explain(agent, "INC-000042", TriageAttribute.PRIORITY);
 * why.value();                               // Optional[P1]
 * why.lastChange().orElseThrow().decision(); // PRIORITY=P1 by 'High impact and high urgency make P1'
 * System.out.println(why.toText());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident
 * @param attribute the attribute explained
 * @param changes the changes of the attribute, oldest first; empty when it was never set
 */
public record Explanation(String incidentId, TriageAttribute attribute, List<Change> changes) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Explanation {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(attribute, "attribute");
    changes = List.copyOf(changes);
  }

  /**
   * One change of the attribute.
   *
   * <p>Immutable and thread-safe.
   *
   * @param sequence the event's sequence number
   * @param at when it happened
   * @param actor the id of the actor who caused the event
   * @param event the event type, for example {@code "Prioritized"}
   * @param value the value after the change (for TAG, the set of tags); empty when the change
   *     cleared it (a category set without subcategory)
   * @param decidedBy who decided, as the event records it; for a value as reported in the ticket,
   *     {@link Provenance.Kind#MANUAL} by the actor who logged it, with reason {@value
   *     #AS_REPORTED}
   * @param decisions the triage decisions that made this attribute's value, in the order they took
   *     effect (the winning set value, then each bound that raised or lowered it); empty when no
   *     rule decided it
   * @param overruled the triage candidates for this attribute that did not make the value, maybe
   *     empty
   */
  public record Change(
      long sequence,
      Instant at,
      String actor,
      String event,
      Optional<Object> value,
      Provenance decidedBy,
      List<TriageDecision> decisions,
      List<TriageDecision> overruled) {

    /** The reason of a change that is the value as reported in the ticket: {@value}. */
    public static final String AS_REPORTED = "as reported in the ticket";

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Change {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(decidedBy, "decidedBy");
      decisions = List.copyOf(decisions);
      overruled = List.copyOf(overruled);
    }

    /**
     * Returns the triage decision that gave the value: the last of {@link #decisions()}.
     *
     * @return the decision, or empty when no rule decided this attribute
     */
    public Optional<TriageDecision> decision() {
      return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
    }

    /**
     * Says who decided, in one line: {@code "by rule 'X': reason"} (for a bound, followed by
     * {@code " (at least P2: raised from P4 by rule 'Y')"}), {@code "by hand (anna)"},
     * {@code "by policy 'P': reason"}, {@code "by the desk: reason"}, or, for a value that a
     * triage event carries but no rule decided, {@code "not decided by a rule: ..."}.
     *
     * @return the text
     */
    public String who() {
      if (!decisions.isEmpty()) {
        TriageDecision d = decisions.get(decisions.size() - 1);
        String by = "by rule '" + d.rule() + "'" + (d.reason().isEmpty() ? "" : ": " + d.reason());
        if (!d.isBound()) {
          return by;
        }
        String bound = d.effect() == TriageDecision.Effect.AT_LEAST ? "at least " : "at most ";
        if (decisions.size() == 1) {
          return by + " (" + bound + d.valueText() + ", nothing set before)";
        }
        TriageDecision before = decisions.get(decisions.size() - 2);
        return by + " (" + bound + d.valueText() + ": "
            + (d.effect() == TriageDecision.Effect.AT_LEAST ? "raised" : "lowered") + " from "
            + before.valueText() + " by rule '" + before.rule() + "')";
      }
      if (!decidedBy.decisions().isEmpty()) {
        // a triage event whose other attribute a rule decided, but not this one
        return "not decided by a rule: as reported or the desk's default (the event's rule: '"
            + decidedBy.name() + "')";
      }
      String reason = decidedBy.reason().isEmpty() ? "" : ": " + decidedBy.reason();
      return switch (decidedBy.kind()) {
        case MANUAL -> AS_REPORTED.equals(decidedBy.reason())
            ? "as reported in the ticket by " + decidedBy.name()
            : "by hand (" + decidedBy.name() + ")" + reason;
        case RULE -> "by rule '" + decidedBy.name() + "'" + reason;
        case POLICY -> "by policy '" + decidedBy.name() + "'" + reason;
        case SYSTEM -> "by the desk" + reason;
      };
    }
  }

  /**
   * Returns the attribute's value now.
   *
   * @return the value after the last change (for TAG, the set of tags), or empty
   */
  public Optional<Object> value() {
    return lastChange().flatMap(Change::value);
  }

  /**
   * Returns the change that gave the attribute its value now.
   *
   * @return the last change, or empty when it was never set
   */
  public Optional<Change> lastChange() {
    return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1));
  }

  /**
   * Returns who decided the value now.
   *
   * @return the provenance of the last change, or empty
   */
  public Optional<Provenance> decidedBy() {
    return lastChange().map(Change::decidedBy);
  }

  /**
   * Renders the explanation, for example:
   *
   * <pre>
   * INC-000007 PRIORITY: P1
   *   #5 2026-03-02T09:10:00Z Prioritized (m-maja): P1 by hand (m-maja)
   *   earlier:
   *   #2 2026-03-02T08:39:00Z Prioritized (sue): P3 by rule 'Medium impact and urgency, or high against low, make P3': impact MEDIUM x urgency MEDIUM
   * </pre>
   *
   * @return the text, several lines
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(incidentId).append(' ').append(attribute).append(": ")
        .append(value().map(v -> format(attribute, v)).orElse("(not set)"));
    for (int i = changes.size() - 1; i >= 0; i--) {
      Change c = changes.get(i);
      if (i == changes.size() - 2) {
        sb.append("\n  earlier:");
      }
      sb.append("\n  #").append(c.sequence()).append(' ').append(c.at()).append(' ')
          .append(c.event()).append(" (").append(c.actor()).append("): ")
          .append(c.value().map(v -> format(attribute, v)).orElse("(cleared)")).append(' ')
          .append(c.who());
      for (TriageDecision d : c.overruled()) {
        sb.append("\n      overruled: ").append(d);
      }
    }
    return sb.toString();
  }

  private static String format(TriageAttribute attribute, Object value) {
    return value instanceof java.util.Collection<?> tags
        ? new java.util.TreeSet<>(tags.stream().map(String::valueOf).toList()).toString()
        : attribute.format(value);
  }
}
