package io.itsm.rules.facts;

import java.util.Objects;

/**
 * A past incident similar to the ticket being triaged, with what was done about it: one fact per
 * match (the engine's {@code similarIncidents} setting says how many), for the agent at diagnosis
 * and for rules ({@code SimilarIncident(rank == 1, team != null)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the past incident's id
 * @param rank 1 for the most similar
 * @param score the search score (BM25; higher is more similar; only comparable within a triage)
 * @param category its category, or null when unknown
 * @param team its team, or null when unknown
 * @param resolution how it was resolved, or null when unknown
 * @param open whether it is still open
 */
public record SimilarIncident(
    String incidentId,
    int rank,
    double score,
    String category,
    String team,
    String resolution,
    boolean open) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code incidentId} is null
   */
  public SimilarIncident {
    Objects.requireNonNull(incidentId, "incidentId");
  }
}
