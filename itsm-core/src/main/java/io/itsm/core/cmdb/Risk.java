package io.itsm.core.cmdb;

/** How risky a change is, in rising order; the change advisory board's approval follows it. */
public enum Risk {
  /** A standard change: nothing business-critical involved, no service affected. */
  LOW,
  /** A service or a highly critical item may be disturbed. */
  MEDIUM,
  /** Business-critical items or several services may be disturbed. */
  HIGH;

  /**
   * Returns the higher of two risks.
   *
   * @param a one
   * @param b the other
   * @return the higher
   */
  public static Risk max(Risk a, Risk b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
