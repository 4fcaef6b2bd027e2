package io.itsm.kafka;

import io.itsm.kafka.internal.StatusJson;
import io.itsm.rules.RuleProblem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the status topic says about the rules: one record per load or failed reload, key the
 * source's {@link RulesSource#name() name}, value this record as JSON ({@link #toJson()}):
 *
 * <pre>{@code
 * {"event":"LOADED","source":"rules","version":2,"hash":"9f2c...","files":["rules/net.drl"],
 *  "rules":31,"loadedAt":"2026-12-02T20:41:07.120Z","at":"2026-12-02T20:41:07.120Z","problems":[]}
 * {"event":"RELOAD_FAILED","source":"rules","version":2,"hash":"9f2c...","files":["rules/net.drl"],
 *  "rules":31,"loadedAt":"...","at":"...","failedHash":"41aa...",
 *  "problems":[{"file":"rules/net.drl","line":7,"column":12,"message":"..."}]}
 * }</pre>
 *
 * <p>{@code version}, {@code hash}, {@code files} and {@code rules} always describe the rules
 * that serve <em>after</em> the event: after a failed reload, the old ones, which keep serving.
 *
 * <p>Immutable and thread-safe.
 *
 * @param event what happened
 * @param source the rules source's name
 * @param serving the rules serving after the event
 * @param at when it happened
 * @param failedHash for {@link Event#RELOAD_FAILED}: the hash of the files that failed (empty
 *     when the directory could not be read); {@code ""} otherwise
 * @param problems for {@link Event#RELOAD_FAILED}: what is wrong, by {@code file:line:column}
 */
public record RulesStatus(
    Event event,
    String source,
    RulesVersion serving,
    Instant at,
    String failedHash,
    List<RuleProblem> problems) {

  /** What a status record reports. */
  public enum Event {
    /** Rules were compiled and now serve (at start, or a successful reload). */
    LOADED,
    /** A reload failed; the previous rules keep serving. */
    RELOAD_FAILED
  }

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a failure has no problem, or a load has problems
   */
  public RulesStatus {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(serving, "serving");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(failedHash, "failedHash");
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    if (event == Event.RELOAD_FAILED && problems.isEmpty()) {
      throw new IllegalArgumentException("a RELOAD_FAILED status must name its problems");
    }
    if (event == Event.LOADED && !problems.isEmpty()) {
      throw new IllegalArgumentException("a LOADED status has no problems, but had " + problems);
    }
  }

  /**
   * Returns this status as the JSON of the status topic (UTF-8 when written).
   *
   * @return one JSON object on one line
   */
  public String toJson() {
    return StatusJson.write(this);
  }

  /**
   * Reads a status record's value.
   *
   * @param json the JSON written by {@link #toJson()}
   * @return the status
   * @throws NullPointerException if {@code json} is null
   * @throws IllegalArgumentException if it is not a status (the message says which field)
   */
  public static RulesStatus fromJson(String json) {
    return StatusJson.read(Objects.requireNonNull(json, "json"));
  }
}
