package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import java.time.Duration;

/**
 * The Erlang C queueing model, as workforce-management tools use it to staff a contact queue:
 * calls (tickets) arrive at random (Poisson) at a mean rate, each takes a mean handling time,
 * agents answer in order of arrival and nobody gives up.
 *
 * <p>With traffic {@code A = arrivals per hour × handling time in hours} (in Erlangs) and {@code
 * N > A} agents, the probability that a contact waits is Erlang's C formula {@code C(N, A)}
 * (computed through the stable Erlang B recursion {@code B(k) = A·B(k−1) / (k + A·B(k−1))},
 * {@code C = N·B / (N − A·(1 − B))}), and the share answered within a time {@code t} is {@code
 * 1 − C(N, A)·e^(−(N − A)·t / handling time)}. {@link #agentsNeeded} is the smallest {@code N}
 * that reaches a service-level goal, such as 80 % answered within 30 minutes.
 *
 * <p>Stateless and thread-safe.
 */
public final class ErlangC {

  private ErlangC() {}

  /**
   * The probability that a contact waits.
   *
   * @param agents the number of agents, 0 or more
   * @param traffic the offered traffic in Erlangs, 0 or more
   * @return {@code C(agents, traffic)} between 0 and 1; 1 when {@code agents <= traffic}
   * @throws ValidationException if an argument is negative
   */
  public static double probabilityOfWaiting(int agents, double traffic) {
    check(agents, traffic);
    if (traffic == 0) {
      return 0;
    }
    if (agents <= traffic) {
      return 1;
    }
    double b = 1;
    for (int k = 1; k <= agents; k++) {
      b = traffic * b / (k + traffic * b);
    }
    return agents * b / (agents - traffic * (1 - b));
  }

  /**
   * The share of contacts answered within a time.
   *
   * @param agents the number of agents
   * @param arrivalsPerHour the mean arrivals per hour, 0 or more
   * @param handlingTime the mean handling time, positive
   * @param answerWithin the target answer time, 0 or more
   * @return the service level between 0 and 1 (1 when nothing arrives)
   * @throws ValidationException if an argument is out of range
   */
  public static double serviceLevel(int agents, double arrivalsPerHour, Duration handlingTime,
      Duration answerWithin) {
    double aht = hours(handlingTime, "handling time");
    double t = answerWithin.toMillis() / 3_600_000.0;
    if (t < 0) {
      throw new ValidationException("answer-within time must be 0 or more, but was " + answerWithin);
    }
    double traffic = arrivalsPerHour * aht;
    check(agents, traffic);
    if (traffic == 0) {
      return 1;
    }
    if (agents <= traffic) {
      return 0;
    }
    return 1 - probabilityOfWaiting(agents, traffic) * Math.exp(-(agents - traffic) * t / aht);
  }

  /**
   * The fewest agents that answer at least a share of contacts within a time.
   *
   * @param arrivalsPerHour the mean arrivals per hour, 0 or more
   * @param handlingTime the mean handling time, positive
   * @param answerWithin the target answer time, 0 or more
   * @param goal the service-level goal, above 0 and below 1 (for example 0.8)
   * @return the number of agents; 0 when nothing arrives
   * @throws ValidationException if an argument is out of range
   */
  public static int agentsNeeded(double arrivalsPerHour, Duration handlingTime,
      Duration answerWithin, double goal) {
    if (!(goal > 0 && goal < 1)) {
      throw new ValidationException("service-level goal must be above 0 and below 1, but was " + goal);
    }
    if (arrivalsPerHour < 0 || Double.isNaN(arrivalsPerHour)) {
      throw new ValidationException("arrivals per hour must be 0 or more, but was " + arrivalsPerHour);
    }
    if (arrivalsPerHour == 0) {
      return 0;
    }
    double traffic = arrivalsPerHour * hours(handlingTime, "handling time");
    int n = Math.max(1, (int) Math.floor(traffic) + 1);
    while (serviceLevel(n, arrivalsPerHour, handlingTime, answerWithin) < goal) {
      n++;
    }
    return n;
  }

  private static double hours(Duration d, String what) {
    if (d.isNegative() || d.isZero()) {
      throw new ValidationException(what + " must be positive, but was " + d);
    }
    return d.toMillis() / 3_600_000.0;
  }

  private static void check(int agents, double traffic) {
    if (agents < 0) {
      throw new ValidationException("agents must be 0 or more, but was " + agents);
    }
    if (traffic < 0 || Double.isNaN(traffic)) {
      throw new ValidationException("traffic must be 0 or more Erlangs, but was " + traffic);
    }
  }
}
