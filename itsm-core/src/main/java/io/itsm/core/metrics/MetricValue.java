package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of one {@link Metric} for one group: a count, a rate, a mean, a summary of durations
 * or an amount of money. Switch over the permitted records.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface MetricValue
    permits MetricValue.Count, MetricValue.Rate, MetricValue.Mean, MetricValue.Durations,
        MetricValue.Money {

  /**
   * A number of incidents or events.
   *
   * @param value the number, 0 or more
   */
  record Count(long value) implements MetricValue {
    /**
     * Validates the value.
     *
     * @throws ValidationException if it is negative
     */
    public Count {
      if (value < 0) {
        throw new ValidationException("count must be 0 or more, but was " + value);
      }
    }
  }

  /**
   * A share: {@code numerator / denominator}.
   *
   * @param numerator what is counted, 0 or more
   * @param denominator what it is counted over, at least the numerator
   */
  record Rate(long numerator, long denominator) implements MetricValue {
    /**
     * Validates the components.
     *
     * @throws ValidationException if a component is negative or the numerator exceeds the
     *     denominator
     */
    public Rate {
      if (numerator < 0 || denominator < numerator) {
        throw new ValidationException("rate must have 0 <= numerator <= denominator, but was "
            + numerator + "/" + denominator);
      }
    }

    /**
     * Returns the share.
     *
     * @return {@code numerator / denominator} between 0 and 1, or empty when nothing was counted
     */
    public Optional<Double> value() {
      return denominator == 0 ? Optional.empty() : Optional.of((double) numerator / denominator);
    }
  }

  /**
   * An average of a number per incident.
   *
   * @param sum the sum of the numbers
   * @param count how many incidents were averaged
   */
  record Mean(long sum, long count) implements MetricValue {
    /**
     * Validates the components.
     *
     * @throws ValidationException if a component is negative
     */
    public Mean {
      if (sum < 0 || count < 0) {
        throw new ValidationException("mean must have sum and count 0 or more, but was " + sum
            + "/" + count);
      }
    }

    /**
     * Returns the average.
     *
     * @return {@code sum / count}, or empty when nothing was counted
     */
    public Optional<Double> value() {
      return count == 0 ? Optional.empty() : Optional.of((double) sum / count);
    }
  }

  /**
   * A summary of durations, to the second. Mean and maximum are exact. Median and 90th
   * percentile are exact (nearest rank: the smallest value with at least that share of values at
   * or below it) while a group holds at most {@link #EXACT_LIMIT} values, and within 1 % of the
   * exact value beyond (an HdrHistogram with two significant digits), as {@link #exact()} says.
   *
   * @param count how many durations
   * @param mean the mean, zero when {@code count} is 0
   * @param median the 50th percentile
   * @param p90 the 90th percentile
   * @param max the longest
   * @param exact whether the percentiles are exact
   */
  record Durations(long count, Duration mean, Duration median, Duration p90, Duration max,
      boolean exact) implements MetricValue {

    /** How many values a group keeps exactly before it summarizes them in a histogram. */
    public static final int EXACT_LIMIT = 2048;

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a duration is null
     * @throws ValidationException if {@code count} is negative
     */
    public Durations {
      Objects.requireNonNull(mean, "mean");
      Objects.requireNonNull(median, "median");
      Objects.requireNonNull(p90, "p90");
      Objects.requireNonNull(max, "max");
      if (count < 0) {
        throw new ValidationException("durations count must be 0 or more, but was " + count);
      }
    }
  }

  /**
   * An amount of money: a total, or a total per incident.
   *
   * @param amount the amount, rounded to cents (half even)
   * @param currency the currency of the cost model's rates, for example {@code EUR}
   * @param count how many incidents the amount covers
   */
  record Money(BigDecimal amount, String currency, long count) implements MetricValue {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws ValidationException if {@code count} is negative
     */
    public Money {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
      if (count < 0) {
        throw new ValidationException("money count must be 0 or more, but was " + count);
      }
      amount = amount.setScale(2, RoundingMode.HALF_EVEN);
    }
  }
}
