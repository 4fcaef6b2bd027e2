package io.itsm.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsm.core.ValidationException;
import io.itsm.core.incident.SupportLevel;
import io.itsm.rules.internal.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Routing data: which team works on which category, which service-desk team speaks which language,
 * and each team's support level. The routing rules look entries up here (hash lookups, so routing
 * costs the same with ten entries or ten thousand); the map is inserted as one fact per triage.
 *
 * <p>JSON format ({@link #DEFAULT_RESOURCE} is the default):
 *
 * <pre>{@code
 * {"version": 1,
 *  "fallbackTeam": "service-desk",
 *  "categories": {"network": "network-ops", "other": "service-desk"},
 *  "languages": {"de": "service-desk-de"},
 *  "levels": {"vendor-x": "VENDOR"}}
 * }</pre>
 *
 * <p>A team's support level is its entry in {@code levels}; else {@code L1} for the fallback team
 * and the language teams, and {@code L2} for every other (specialist) team.
 *
 * <p>Immutable and thread-safe.
 */
public final class TeamMap {

  // as a default ObjectMapper reads a tree, without the cost of setting one up at start
  private static final JsonTrees JSON = JsonTrees.lenient();

  /** The classpath resource of the default map. */
  public static final String DEFAULT_RESOURCE = "/io/itsm/rules/teams.json";

  /** The team of last resort unless the map says otherwise. */
  public static final String DEFAULT_FALLBACK_TEAM = "service-desk";

  private final String fallbackTeam;
  private final Map<String, String> categories;
  private final Map<String, String> languages;
  private final Map<String, SupportLevel> levels;
  /** The values of {@link #languages}, so {@link #supportLevelOf} is a hash lookup. */
  private final Set<String> languageDesks;

  private TeamMap(
      String fallbackTeam,
      Map<String, String> categories,
      Map<String, String> languages,
      Map<String, SupportLevel> levels) {
    this.fallbackTeam = fallbackTeam;
    this.categories = Map.copyOf(categories);
    this.languages = Map.copyOf(languages);
    this.levels = Map.copyOf(levels);
    this.languageDesks = Set.copyOf(this.languages.values());
  }

  /**
   * Returns the default map, read once from {@link #DEFAULT_RESOURCE}.
   *
   * @return the default map
   */
  public static TeamMap defaults() {
    return Defaults.INSTANCE;
  }

  private static final class Defaults {
    static final TeamMap INSTANCE = load();

    private static TeamMap load() {
      try (InputStream in = TeamMap.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
        }
        return fromJson(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Creates a map in code.
   *
   * @param fallbackTeam the team for tickets no entry routes
   * @param categories category code → team
   * @param languages language code → service-desk team speaking it
   * @param levels team → support level, for teams whose level is not the default
   * @return the map
   * @throws NullPointerException if an argument, key or value is null
   * @throws ValidationException if a team or code is blank
   */
  public static TeamMap of(
      String fallbackTeam,
      Map<String, String> categories,
      Map<String, String> languages,
      Map<String, SupportLevel> levels) {
    Objects.requireNonNull(fallbackTeam, "fallbackTeam");
    List<String> problems = new ArrayList<>();
    if (fallbackTeam.isBlank()) {
      problems.add("fallbackTeam must not be blank");
    }
    checkEntries("categories", categories, problems);
    checkEntries("languages", languages, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new TeamMap(fallbackTeam, categories, languages, levels);
  }

  private static void checkEntries(String field, Map<String, String> map, List<String> problems) {
    Objects.requireNonNull(map, field);
    map.forEach(
        (k, v) -> {
          if (k.isBlank() || v.isBlank()) {
            problems.add(
                field + " entries must have a code and a team, but was '" + k + "': '" + v + "'");
          }
        });
  }

  /**
   * Reads a map from JSON.
   *
   * @param json the JSON text
   * @return the map
   * @throws ValidationException if the JSON is malformed or breaks the format
   */
  public static TeamMap fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return fromTree(JSON.read(json));
    } catch (IOException e) {
      throw new ValidationException("team map must be valid JSON, but: " + e.getMessage());
    }
  }

  /**
   * Reads a map from a JSON stream (not closed).
   *
   * @param json the JSON
   * @return the map
   * @throws ValidationException if the JSON is malformed or breaks the format
   */
  public static TeamMap fromJson(InputStream json) {
    Objects.requireNonNull(json, "json");
    try {
      return fromTree(JSON.read(json));
    } catch (IOException e) {
      throw new ValidationException("team map must be valid JSON, but: " + e.getMessage());
    }
  }

  private static TeamMap fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new ValidationException("team map must be a JSON object");
    }
    List<String> problems = new ArrayList<>();
    String fallback = root.path("fallbackTeam").asText(DEFAULT_FALLBACK_TEAM);
    Map<String, String> categories = strings(root, "categories", problems);
    Map<String, String> languages = strings(root, "languages", problems);
    Map<String, SupportLevel> levels = new HashMap<>();
    for (Map.Entry<String, String> e : strings(root, "levels", problems).entrySet()) {
      try {
        levels.put(e.getKey(), SupportLevel.valueOf(e.getValue()));
      } catch (IllegalArgumentException ex) {
        problems.add(
            "levels." + e.getKey() + " must be one of L1, L2, L3, VENDOR, but was '" + e.getValue()
                + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return of(fallback, categories, languages, levels);
  }

  private static Map<String, String> strings(JsonNode root, String field, List<String> problems) {
    Map<String, String> out = new HashMap<>();
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      problems.add(field + " must be an object of strings");
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        problems.add(field + "." + e.getKey() + " must be a string, but was " + e.getValue());
      } else {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }

  /**
   * Returns the team for tickets that no entry routes.
   *
   * @return the fallback team
   */
  public String fallbackTeam() {
    return fallbackTeam;
  }

  /**
   * Tells whether a team is the fallback team.
   *
   * @param team the team, or null
   * @return whether it equals {@link #fallbackTeam()}
   */
  public boolean isFallbackTeam(String team) {
    return fallbackTeam.equals(team);
  }

  /**
   * Tells whether a category has a team.
   *
   * @param category the category code, or null
   * @return whether {@link #teamFor} finds a team
   */
  public boolean hasTeamFor(String category) {
    return category != null && categories.containsKey(category);
  }

  /**
   * Returns the team of a category, or the fallback team.
   *
   * @param category the category code, or null
   * @return the team, never null
   */
  public String teamOrFallback(String category) {
    String team = category == null ? null : categories.get(category);
    return team == null ? fallbackTeam : team;
  }

  /**
   * Returns the team of a category.
   *
   * @param category the category code
   * @return the team, or empty
   */
  public Optional<String> teamFor(String category) {
    return Optional.ofNullable(category == null ? null : categories.get(category));
  }

  /**
   * Tells whether a language has a service-desk team.
   *
   * @param language the language code, or null
   * @return whether {@link #languageTeam} finds a team
   */
  public boolean hasLanguageTeam(String language) {
    return language != null && languages.containsKey(language);
  }

  /**
   * Returns the service-desk team speaking a language.
   *
   * @param language the language code
   * @return the team, or empty
   */
  public Optional<String> languageTeam(String language) {
    return Optional.ofNullable(language == null ? null : languages.get(language));
  }

  /**
   * Returns a team's support level: its {@code levels} entry, else L1 for the fallback and
   * language teams, else L2.
   *
   * @param team the team
   * @return the level, never null
   */
  public SupportLevel supportLevelOf(String team) {
    SupportLevel level = levels.get(team);
    if (level != null) {
      return level;
    }
    return team.equals(fallbackTeam) || languageDesks.contains(team)
        ? SupportLevel.L1
        : SupportLevel.L2;
  }

  /**
   * Returns every team the map names: the fallback team, the teams of the category and language
   * entries, and the teams with a support level. Give them to the desk so that assignments to
   * other teams are refused: {@code ServiceDesk.builder().knownTeams(teamMap.teams())}.
   *
   * @return an immutable, sorted set of team names
   */
  public Set<String> teams() {
    java.util.TreeSet<String> all = new java.util.TreeSet<>();
    all.add(fallbackTeam);
    all.addAll(categories.values());
    all.addAll(languages.values());
    all.addAll(levels.keySet());
    return java.util.Collections.unmodifiableSortedSet(all);
  }

  /**
   * Returns the category entries.
   *
   * @return an immutable map of category code → team
   */
  public Map<String, String> categoryTeams() {
    return categories;
  }

  /**
   * Returns the language entries.
   *
   * @return an immutable map of language code → team
   */
  public Map<String, String> languageTeams() {
    return languages;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TeamMap t
        && fallbackTeam.equals(t.fallbackTeam)
        && categories.equals(t.categories)
        && languages.equals(t.languages)
        && levels.equals(t.levels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fallbackTeam, categories, languages, levels);
  }

  @Override
  public String toString() {
    return "TeamMap{" + categories.size() + " categories, " + languages.size() + " languages}";
  }
}
