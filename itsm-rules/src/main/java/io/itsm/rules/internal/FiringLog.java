package io.itsm.rules.internal;

/**
 * The collector behind a rule file's global: told which rule is firing, so that what a
 * consequence records carries the rule's name without the rule saying it.
 *
 * <p>Implementations are used by one rule run at a time and need not be thread-safe.
 */
public interface FiringLog {

  /**
   * Marks the start of a rule's consequence.
   *
   * @param rule the rule name
   * @param file the rule's file (as named in messages), or {@code "?"} when unknown
   * @param precedence the rule's precedence
   */
  void begin(String rule, String file, int precedence);

  /** Marks the end of a rule's consequence. */
  void end();
}
