package io.itsm.rules.facts;

/**
 * The engine's tunable numbers, one fact per triage, so rules do not hard-code them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param affectedUsersThreshold from this many affected users on, an incident is a whole-service
 *     outage (impact HIGH)
 */
public record TriageSettings(int affectedUsersThreshold) {}
