package io.itsm.core.cmdb;

/**
 * How two configuration items relate: a {@link Relation} reads {@code from TYPE to}, for example
 * {@code webshop DEPENDS_ON db-orders}.
 *
 * <p><b>Impact</b> (what fails when an item fails) follows the relations as below; {@link
 * #CONNECTED_TO} carries no impact.
 *
 * <table>
 *   <caption>Which way a failure spreads</caption>
 *   <tr><th>relation</th><th>when this fails</th><th>this is affected</th></tr>
 *   <tr><td>{@code A DEPENDS_ON B}</td><td>B</td><td>A</td></tr>
 *   <tr><td>{@code A RUNS_ON B}</td><td>B</td><td>A</td></tr>
 *   <tr><td>{@code A PART_OF B}</td><td>A (a part)</td><td>B (the whole)</td></tr>
 *   <tr><td>{@code A CONNECTED_TO B}</td><td>—</td><td>—</td></tr>
 * </table>
 *
 * <p>{@link #PART_OF} must not form a cycle (a thing cannot be part of itself); the others may.
 */
public enum RelationType {
  /** {@code from} needs {@code to} to work (an application depends on its database). */
  DEPENDS_ON,
  /** {@code from} is hosted on {@code to} (a database runs on a server). */
  RUNS_ON,
  /** {@code from} is a part of {@code to} (a node is part of a cluster, a module of a service). */
  PART_OF,
  /** {@code from} and {@code to} are linked, without depending on each other (documentation). */
  CONNECTED_TO;

  /**
   * Tells whether a failure of {@code to} affects {@code from} through this relation.
   *
   * @return {@code true} for DEPENDS_ON and RUNS_ON
   */
  public boolean failureOfTargetAffectsSource() {
    return this == DEPENDS_ON || this == RUNS_ON;
  }

  /**
   * Tells whether a failure of {@code from} affects {@code to} through this relation.
   *
   * @return {@code true} for PART_OF
   */
  public boolean failureOfSourceAffectsTarget() {
    return this == PART_OF;
  }
}
