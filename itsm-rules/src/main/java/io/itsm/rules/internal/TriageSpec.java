package io.itsm.rules.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.facts.KnowledgeSettings;
import io.itsm.rules.facts.PredictionSettings;
import io.itsm.rules.keywords.KeywordDictionary;
import io.itsm.rules.knowledge.KnowledgeIndex;
import io.itsm.rules.predict.Predictor;
import io.itsm.rules.predict.SimilarIncidents;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a {@link TriageEngine} is built from: the rule files and safety settings ({@link #rules}),
 * the default packs switched on, and the data the facts are made of. Mutable, held by {@link
 * TriageEngine.Builder}; {@link #copy()} before a reload changes it.
 *
 * <p>Not thread-safe.
 */
public final class TriageSpec {

  /** The rule files, left-out rules and safety settings. */
  public final PackSpec rules;

  /** The default packs of {@link TriageEngine#DEFAULT_PACKS} that are on. */
  public final Set<String> packs = new LinkedHashSet<>(TriageEngine.DEFAULT_PACKS);

  /** The keyword dictionary, or null for the default one. */
  public KeywordDictionary keywords;

  /** The team map, or null for the default one. */
  public TeamMap teams;

  /** From how many affected users on impact is HIGH. */
  public int affectedUsersThreshold = TriageEngine.DEFAULT_AFFECTED_USERS_THRESHOLD;

  /** The business-critical configuration items. */
  public Set<String> criticalCis = Set.of();

  /** The business-critical services. */
  public Set<String> criticalServices = Set.of();

  /** Tells whether an instant is inside business hours. */
  public Predicate<Instant> businessHours = TriageEngine.DEFAULT_BUSINESS_HOURS;

  /** The clock of tickets without an opening time. */
  public Clock clock = Clock.systemUTC();

  /** The models whose predictions become facts. */
  public final List<Predictor> predictors = new ArrayList<>();

  /** The thresholds of the predict pack. */
  public PredictionSettings predictionSettings = PredictionSettings.DEFAULTS;

  /** The index of past incidents, or null. */
  public SimilarIncidents similar;

  /** How many similar incidents become facts. */
  public int similarCount = TriageEngine.DEFAULT_SIMILAR_INCIDENTS;

  /** Whether the predict pack is on (when there is a model or index). */
  public boolean predictPack = true;

  /** The CMDB, or null. */
  public Cmdb cmdb;

  /** The announcements, or null. */
  public Announcements announcements;

  /** Whether the CMDB pack is on (when there is a CMDB). */
  public boolean cmdbPack = true;

  /** Whether the announcements pack is on (when there are announcements). */
  public boolean announcementsPack = true;

  /** The knowledge index, or null. */
  public KnowledgeIndex knowledge;

  /** How many knowledge matches become facts. */
  public int knowledgeMatches = TriageEngine.DEFAULT_KNOWLEDGE_MATCHES;

  /** The thresholds of the knowledge pack. */
  public KnowledgeSettings knowledgeSettings = KnowledgeSettings.DEFAULTS;

  /** Whether the knowledge pack is on (when there is an index). */
  public boolean knowledgePack = true;

  /**
   * Creates a spec with every default pack on.
   *
   * @param rules the rule files and safety settings (held, not copied)
   */
  public TriageSpec(PackSpec rules) {
    this.rules = rules;
  }

  /**
   * Returns an independent copy (the rule spec copied too).
   *
   * @return the copy
   */
  public TriageSpec copy() {
    TriageSpec c = new TriageSpec(rules.copy());
    c.packs.clear();
    c.packs.addAll(packs);
    c.keywords = keywords;
    c.teams = teams;
    c.affectedUsersThreshold = affectedUsersThreshold;
    c.criticalCis = criticalCis;
    c.criticalServices = criticalServices;
    c.businessHours = businessHours;
    c.clock = clock;
    c.predictors.addAll(predictors);
    c.predictionSettings = predictionSettings;
    c.similar = similar;
    c.similarCount = similarCount;
    c.predictPack = predictPack;
    c.cmdb = cmdb;
    c.announcements = announcements;
    c.cmdbPack = cmdbPack;
    c.announcementsPack = announcementsPack;
    c.knowledge = knowledge;
    c.knowledgeMatches = knowledgeMatches;
    c.knowledgeSettings = knowledgeSettings;
    c.knowledgePack = knowledgePack;
    return c;
  }

  /**
   * Switches a default pack on or off.
   *
   * @param pack one of {@link TriageEngine#DEFAULT_PACKS}, {@link TriageEngine#OPTIONAL_PACKS} or
   *     {@link TriageEngine#PACK_KNOWLEDGE}
   * @param on whether it is on
   * @throws ValidationException if {@code pack} is not a default pack
   */
  public void pack(String pack, boolean on) {
    switch (pack) {
      case TriageEngine.PACK_PREDICT -> predictPack = on;
      case TriageEngine.PACK_CMDB -> cmdbPack = on;
      case TriageEngine.PACK_ANNOUNCEMENTS -> announcementsPack = on;
      case TriageEngine.PACK_KNOWLEDGE -> knowledgePack = on;
      default -> {
        if (!TriageEngine.DEFAULT_PACKS.contains(pack)) {
          throw new ValidationException("pack must be one of " + TriageEngine.DEFAULT_PACKS
              + " or " + TriageEngine.OPTIONAL_PACKS + ", but was '" + pack + "'");
        }
        if (on) {
          packs.add(pack);
        } else {
          packs.remove(pack);
        }
      }
    }
  }

  /**
   * Reads a positive whole number of milliseconds from a system property.
   *
   * @param property the property
   * @param fallback the budget when the property is not set or blank
   * @return the budget
   * @throws ValidationException if the property is set but not a positive whole number
   */
  public static Duration timeBudgetProperty(String property, Duration fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long millis = Long.parseLong(value.strip());
      if (millis > 0) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ValidationException("system property " + property + " must be a positive"
        + " whole number of milliseconds, such as 200, but was '" + value + "'");
  }

  /**
   * Returns a business-hours predicate for weekdays (Monday to Friday) in a zone.
   *
   * @param zone the zone
   * @param start the opening time, inclusive
   * @param end the closing time, exclusive
   * @return the predicate
   * @throws ValidationException if {@code start} is not before {@code end}
   */
  public static Predicate<Instant> weekdays(ZoneId zone, LocalTime start, LocalTime end) {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new ValidationException(
          "business hours start must be before end, but was " + start + " to " + end);
    }
    return instant -> {
      ZonedDateTime t = instant.atZone(zone);
      DayOfWeek d = t.getDayOfWeek();
      LocalTime time = t.toLocalTime();
      return d != DayOfWeek.SATURDAY
          && d != DayOfWeek.SUNDAY
          && !time.isBefore(start)
          && time.isBefore(end);
    };
  }
}
