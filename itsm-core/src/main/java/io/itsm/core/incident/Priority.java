package io.itsm.core.incident;

/**
 * The priority of an incident, P1 (critical) to P5 (informational). {@code P1} is the highest:
 * {@code P1.compareTo(P2) < 0}.
 */
public enum Priority {
  /** Critical. */
  P1("Critical"),
  /** High. */
  P2("High"),
  /** Medium. */
  P3("Medium"),
  /** Low. */
  P4("Low"),
  /** Informational. */
  P5("Informational");

  private final String label;

  Priority(String label) {
    this.label = label;
  }

  /**
   * Returns the human name, for example {@code "Critical"} for {@link #P1}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Returns the priority one level higher, never above {@link #P1}.
   *
   * @return the raised priority
   */
  public Priority raised() {
    return this == P1 ? P1 : values()[ordinal() - 1];
  }

  /**
   * Tells whether this priority is more urgent than another.
   *
   * @param other the other priority
   * @return {@code true} if this is strictly higher (for example P1 is higher than P2)
   */
  public boolean isHigherThan(Priority other) {
    return compareTo(other) < 0;
  }
}
