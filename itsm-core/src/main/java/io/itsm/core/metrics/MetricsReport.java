package io.itsm.core.metrics;

import java.util.List;
import java.util.Objects;

/**
 * The metrics of a period, per group and in total, as computed by {@link Metrics}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param query what was computed
 * @param incidents how many incident histories were read
 * @param groups the groups, ordered by their key values; one group with an empty key when the
 *     query has no grouping
 * @param total all incidents together (rates and percentiles over every incident, not averages of
 *     the groups)
 */
public record MetricsReport(
    MetricsQuery query, long incidents, List<GroupMetrics> groups, GroupMetrics total) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public MetricsReport {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(total, "total");
    groups = List.copyOf(groups);
  }
}
