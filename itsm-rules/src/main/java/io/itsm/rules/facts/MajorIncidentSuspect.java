package io.itsm.rules.facts;

import java.util.List;
import java.util.Objects;

/**
 * Several similar open incidents about the same service or configuration item within a short
 * window: likely one major incident. A fact for the rules; the default {@code predict} pack tags
 * the ticket {@code likely-major-incident} and names the parent to link to.
 *
 * <p>Immutable and thread-safe.
 *
 * @param parentId the incident to link to as parent: the earliest of the similar open ones
 * @param similarOpen the ids of the similar open incidents (the parent first), not counting the
 *     ticket being triaged
 * @param service the shared service, or null when they share the configuration item only
 * @param configurationItem the shared configuration item, or null when they share the service
 *     only
 * @param windowMinutes the window in which they were opened
 */
public record MajorIncidentSuspect(
    String parentId,
    List<String> similarOpen,
    String service,
    String configurationItem,
    long windowMinutes) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if {@code parentId} or {@code similarOpen} is null
   */
  public MajorIncidentSuspect {
    Objects.requireNonNull(parentId, "parentId");
    similarOpen = List.copyOf(similarOpen);
  }

  /**
   * Returns how many incidents are involved, the ticket being triaged included.
   *
   * @return {@code similarOpen().size() + 1}
   */
  public int incidents() {
    return similarOpen.size() + 1;
  }
}
