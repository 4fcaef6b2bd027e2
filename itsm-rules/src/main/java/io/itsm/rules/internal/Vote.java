package io.itsm.rules.internal;

import java.util.Objects;

/**
 * One rule's vote in a decision pack (survey, review): what it voted for, with its precedence and
 * reason, in the order the rules voted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what was voted for, for example {@code "ask"}
 * @param rule the rule's name
 * @param precedence the rule's precedence
 * @param reason why
 * @param value a value of the vote (a channel, a number of days), or null
 */
public record Vote(String kind, String rule, int precedence, String reason, Object value) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a text is null
   */
  public Vote {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
  }
}
