package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.SupportLevel;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an hour of work costs, for {@link Metric#COST} and {@link Metric#COST_PER_TICKET}: a rate
 * per team, else per support level, else a default rate, in one currency. Group the metrics by
 * {@link Dimension#DEPARTMENT} to charge the cost back to the callers' departments.
 *
 * <pre>{@code
 * CostModel rates = CostModel.of("EUR", new BigDecimal("40"))
 *     .withLevelRate(SupportLevel.L2, new BigDecimal("65"))
 *     .withTeamRate("network-ops", new BigDecimal("80"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CostModel {

  private final String currency;
  private final BigDecimal defaultRate;
  private final Map<String, BigDecimal> teamRates;
  private final Map<SupportLevel, BigDecimal> levelRates;

  private CostModel(String currency, BigDecimal defaultRate, Map<String, BigDecimal> teamRates,
      Map<SupportLevel, BigDecimal> levelRates) {
    this.currency = currency;
    this.defaultRate = defaultRate;
    this.teamRates = teamRates;
    this.levelRates = levelRates;
  }

  /**
   * A model with one rate for all work.
   *
   * @param currency the currency code, for example {@code "EUR"}; not blank
   * @param defaultRate the cost of an hour of work by a team or level without its own rate
   * @return the model
   * @throws ValidationException if the currency is blank or the rate negative
   */
  public static CostModel of(String currency, BigDecimal defaultRate) {
    Objects.requireNonNull(currency, "currency");
    if (currency.isBlank()) {
      throw new ValidationException("cost model currency must not be blank (for example EUR)");
    }
    return new CostModel(currency.trim(), check("default rate", defaultRate), Map.of(),
        Map.of());
  }

  /**
   * Returns a copy with an hourly rate for a team (it wins over the level's rate).
   *
   * @param team the assignment group
   * @param rate the cost of an hour, 0 or more
   * @return the new model
   * @throws ValidationException if the team is blank or the rate negative
   */
  public CostModel withTeamRate(String team, BigDecimal rate) {
    Objects.requireNonNull(team, "team");
    if (team.isBlank()) {
      throw new ValidationException("cost model team must not be blank");
    }
    Map<String, BigDecimal> m = new LinkedHashMap<>(teamRates);
    m.put(team, check("rate of team " + team, rate));
    return new CostModel(currency, defaultRate, Collections.unmodifiableMap(m), levelRates);
  }

  /**
   * Returns a copy with an hourly rate for a support level.
   *
   * @param level the level
   * @param rate the cost of an hour, 0 or more
   * @return the new model
   * @throws ValidationException if the rate is negative
   */
  public CostModel withLevelRate(SupportLevel level, BigDecimal rate) {
    Objects.requireNonNull(level, "level");
    Map<SupportLevel, BigDecimal> m = new EnumMap<>(SupportLevel.class);
    m.putAll(levelRates);
    m.put(level, check("rate of level " + level, rate));
    return new CostModel(currency, defaultRate, teamRates, Collections.unmodifiableMap(m));
  }

  private static BigDecimal check(String what, BigDecimal rate) {
    Objects.requireNonNull(rate, "rate");
    if (rate.signum() < 0) {
      throw new ValidationException("cost model " + what + " must be 0 or more, but was " + rate);
    }
    return rate;
  }

  /**
   * Returns the hourly rate of work by a team at a level: the team's rate, else the level's,
   * else the default.
   *
   * @param team the team, or empty when unassigned
   * @param level the support level, or empty when unassigned
   * @return the rate per hour
   */
  public BigDecimal rateFor(Optional<String> team, Optional<SupportLevel> level) {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(level, "level");
    BigDecimal r = team.map(teamRates::get).orElse(null);
    if (r == null) {
      r = level.map(levelRates::get).orElse(null);
    }
    return r == null ? defaultRate : r;
  }

  /**
   * Returns the currency.
   *
   * @return the currency code
   */
  public String currency() {
    return currency;
  }

  /**
   * Returns the default rate.
   *
   * @return the cost of an hour without a team or level rate
   */
  public BigDecimal defaultRate() {
    return defaultRate;
  }

  /**
   * Returns the team rates.
   *
   * @return team → rate per hour, immutable
   */
  public Map<String, BigDecimal> teamRates() {
    return teamRates;
  }

  /**
   * Returns the level rates.
   *
   * @return level → rate per hour, immutable
   */
  public Map<SupportLevel, BigDecimal> levelRates() {
    return levelRates;
  }

  @Override
  public String toString() {
    return "CostModel[" + currency + " default " + defaultRate + ", teams " + teamRates
        + ", levels " + levelRates + "]";
  }
}
