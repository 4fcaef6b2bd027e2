package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The metrics of one group: its key (a value per grouping dimension) and a value per metric.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key dimension → value, in the order of the grouping; empty for the total
 * @param values metric → value, in {@link Metric} order; the cost metrics only with a cost model
 */
public record GroupMetrics(Map<Dimension, String> key, Map<Metric, MetricValue> values) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a value's type does not match its metric's kind
   */
  public GroupMetrics {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(values, "values");
    key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    Map<Metric, MetricValue> v = new EnumMap<>(Metric.class);
    values.forEach((m, x) -> {
      Class<?> expected = switch (m.kind()) {
        case COUNT -> MetricValue.Count.class;
        case RATE -> MetricValue.Rate.class;
        case MEAN -> MetricValue.Mean.class;
        case DURATIONS -> MetricValue.Durations.class;
        case MONEY -> MetricValue.Money.class;
      };
      if (!expected.isInstance(x)) {
        throw new ValidationException("metric " + m.id() + " must have a " + expected.getSimpleName()
            + " value, but had " + x);
      }
      v.put(m, x);
    });
    values = Collections.unmodifiableMap(v);
  }

  /**
   * Returns a metric's value.
   *
   * @param metric the metric
   * @return the value, or empty (the cost metrics without a cost model)
   */
  public Optional<MetricValue> value(Metric metric) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(metric, "metric")));
  }

  /**
   * Returns a count.
   *
   * @param metric a {@link Metric.Kind#COUNT} metric
   * @return the count
   * @throws IllegalArgumentException if the metric is not a count
   */
  public long count(Metric metric) {
    return as(metric, MetricValue.Count.class).value();
  }

  /**
   * Returns a rate.
   *
   * @param metric a {@link Metric.Kind#RATE} metric
   * @return the rate
   * @throws IllegalArgumentException if the metric is not a rate
   */
  public MetricValue.Rate rate(Metric metric) {
    return as(metric, MetricValue.Rate.class);
  }

  /**
   * Returns a summary of durations.
   *
   * @param metric a {@link Metric.Kind#DURATIONS} metric
   * @return the summary
   * @throws IllegalArgumentException if the metric is not a duration metric
   */
  public MetricValue.Durations durations(Metric metric) {
    return as(metric, MetricValue.Durations.class);
  }

  /**
   * Returns a mean.
   *
   * @param metric a {@link Metric.Kind#MEAN} metric
   * @return the mean
   * @throws IllegalArgumentException if the metric is not a mean
   */
  public MetricValue.Mean mean(Metric metric) {
    return as(metric, MetricValue.Mean.class);
  }

  /**
   * Returns an amount of money.
   *
   * @param metric a {@link Metric.Kind#MONEY} metric
   * @return the amount
   * @throws IllegalArgumentException if the metric is not money or was not computed (no cost
   *     model)
   */
  public MetricValue.Money money(Metric metric) {
    return as(metric, MetricValue.Money.class);
  }

  private <T extends MetricValue> T as(Metric metric, Class<T> type) {
    MetricValue v = values.get(Objects.requireNonNull(metric, "metric"));
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("metric " + metric.id() + " is a " + metric.kind()
          + (v == null ? " and was not computed (COST needs a cost model; CSAT, knowledge and"
              + " overdue-action metrics need their stores: Metrics.compute(Stores, ...))" : "")
          + ", not a " + type.getSimpleName());
    }
    return type.cast(v);
  }
}
