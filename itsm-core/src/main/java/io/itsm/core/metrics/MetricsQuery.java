package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import io.itsm.core.sla.SlaPolicy;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to compute: the period, the grouping, the zone of the time buckets, the SLA policy the
 * SLA metrics and business times are measured by, and an optional cost model.
 *
 * <pre>{@code
 * MetricsQuery q = MetricsQuery.of(new Period(from, to)).withBy(Dimension.TEAM, Dimension.PRIORITY);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period
 * @param by the dimensions to group by, in order; empty for one group; at most one time dimension
 * @param zone the zone of the month, week and day buckets
 * @param slaPolicy the SLA policy (use the desk's); {@link SlaPolicy#defaults()} by default
 * @param costModel the cost model; without one the cost metrics are left out
 */
public record MetricsQuery(
    Period period, List<Dimension> by, ZoneId zone, SlaPolicy slaPolicy,
    Optional<CostModel> costModel) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a dimension repeats or more than one time dimension is given
   */
  public MetricsQuery {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(slaPolicy, "slaPolicy");
    Objects.requireNonNull(costModel, "costModel");
    by = List.copyOf(by);
    Set<Dimension> seen = EnumSet.noneOf(Dimension.class);
    int time = 0;
    for (Dimension d : by) {
      if (!seen.add(d)) {
        throw new ValidationException("metrics grouping names " + d.id() + " twice: " + by);
      }
      time += d.isTime() ? 1 : 0;
    }
    if (time > 1) {
      throw new ValidationException(
          "metrics can be grouped by one time dimension (month, week or day), but were by " + by);
    }
  }

  /**
   * A query over a period, not grouped, buckets in UTC, the default SLA policy, no costs.
   *
   * @param period the period
   * @return the query
   */
  public static MetricsQuery of(Period period) {
    return new MetricsQuery(period, List.of(), ZoneOffset.UTC, SlaPolicy.defaults(),
        Optional.empty());
  }

  /**
   * Returns a copy grouped by dimensions.
   *
   * @param dimensions the dimensions, in order
   * @return the query
   * @throws ValidationException as the constructor
   */
  public MetricsQuery withBy(Dimension... dimensions) {
    return withBy(List.of(dimensions));
  }

  /**
   * Returns a copy grouped by dimensions.
   *
   * @param dimensions the dimensions, in order
   * @return the query
   * @throws ValidationException as the constructor
   */
  public MetricsQuery withBy(List<Dimension> dimensions) {
    return new MetricsQuery(period, dimensions, zone, slaPolicy, costModel);
  }

  /**
   * Returns a copy over another period.
   *
   * @param period the period
   * @return the query
   */
  public MetricsQuery withPeriod(Period period) {
    return new MetricsQuery(period, by, zone, slaPolicy, costModel);
  }

  /**
   * Returns a copy whose time buckets are in a zone.
   *
   * @param zone the zone
   * @return the query
   */
  public MetricsQuery withZone(ZoneId zone) {
    return new MetricsQuery(period, by, zone, slaPolicy, costModel);
  }

  /**
   * Returns a copy measured by an SLA policy.
   *
   * @param slaPolicy the policy
   * @return the query
   */
  public MetricsQuery withSlaPolicy(SlaPolicy slaPolicy) {
    return new MetricsQuery(period, by, zone, slaPolicy, costModel);
  }

  /**
   * Returns a copy that also computes {@link Metric#COST} and {@link Metric#COST_PER_TICKET}.
   *
   * @param costModel the rates
   * @return the query
   */
  public MetricsQuery withCostModel(CostModel costModel) {
    return new MetricsQuery(period, by, zone, slaPolicy, Optional.of(costModel));
  }

  /**
   * Returns the time dimension of the grouping, if any.
   *
   * @return month, week or day, or empty
   */
  public Optional<Dimension> timeDimension() {
    return by.stream().filter(Dimension::isTime).findFirst();
  }
}
