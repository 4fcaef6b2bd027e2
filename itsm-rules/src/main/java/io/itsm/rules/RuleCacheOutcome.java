package io.itsm.rules;

/**
 * What the compiled-rules cache ({@link TriageEngine.Builder#compiledRulesCache(java.nio.file.Path)})
 * did when an engine last compiled its rules (at build or at reload).
 *
 * <p>Immutable and thread-safe.
 */
public enum RuleCacheOutcome {
  /** No cache is configured, or the engine has no team rules (the default packs come precompiled). */
  NOT_USED,
  /** A stored set for exactly these files, library and Drools was verified and used. */
  LOADED,
  /** Nothing was stored for these files yet: the rules were compiled and stored. */
  STORED,
  /**
   * A stored set was damaged, foreign or unreadable: it was not trusted, the rules were compiled
   * and the set stored anew.
   */
  REBUILT,
  /** The rules were compiled, but the set could not be stored (the reason is reported). */
  NOT_STORED
}
