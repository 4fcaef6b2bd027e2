package io.itsm.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One rule set that served (or serves) a {@link TriageTopology}: which load it was, a hash of its
 * files, and when it was loaded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version 1 for the rules loaded at start, then one more for each successful reload
 * @param hash the SHA-256 (hex) of the files' names and contents in name order; the default packs
 *     alone hash the empty list
 * @param files the team rule files, by path, in name order
 * @param ruleCount the number of rules loaded, default packs included
 * @param loadedAt when the rules were compiled
 */
public record RulesVersion(
    long version, String hash, List<String> files, int ruleCount, Instant loadedAt) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if {@code hash}, {@code files} or {@code loadedAt} is null
   * @throws IllegalArgumentException if {@code version} is below 1 or {@code ruleCount} negative
   */
  public RulesVersion {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(loadedAt, "loadedAt");
    files = List.copyOf(Objects.requireNonNull(files, "files"));
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, but was " + version);
    }
    if (ruleCount < 0) {
      throw new IllegalArgumentException("ruleCount must not be negative, but was " + ruleCount);
    }
  }
}
