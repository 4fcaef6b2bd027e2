package io.itsm.core.cmdb;

import java.util.List;
import java.util.Objects;

/**
 * What fails when a configuration item fails: every item its failure reaches through the graph
 * (transitively, following {@link RelationType}'s directions), the business services among them,
 * the highest criticality involved and how many users those services have.
 *
 * <p>Immutable and thread-safe.
 *
 * @param failed the item that fails
 * @param affected the items affected, in breadth-first order (nearest first; among equally near,
 *     in the order of the ids of the items they are reached through, then their own ids); the
 *     failed item is not listed
 * @param services the ids of the affected business services, sorted (a copy is sorted if they are
 *     not); includes the failed item
 *     when it is a service itself
 * @param highestCriticality the highest criticality of the failed and the affected items
 * @param affectedUsers the sum of the {@code users} attributes of {@code services}
 */
public record ImpactAnalysis(
    ConfigurationItem failed,
    List<AffectedCi> affected,
    List<String> services,
    Criticality highestCriticality,
    int affectedUsers) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ImpactAnalysis {
    Objects.requireNonNull(failed, "failed");
    affected = List.copyOf(Objects.requireNonNull(affected, "affected"));
    services = List.copyOf(Objects.requireNonNull(services, "services"));
    for (int i = 1; i < services.size(); i++) {
      if (services.get(i - 1).compareTo(services.get(i)) > 0) {
        services = services.stream().sorted().toList();
        break;
      }
    }
    Objects.requireNonNull(highestCriticality, "highestCriticality");
  }

  /**
   * Tells whether a service is affected.
   *
   * @param serviceId the service's id
   * @return {@code true} if it is among {@link #services()}
   */
  public boolean affectsService(String serviceId) {
    return java.util.Collections.binarySearch(services, Objects.requireNonNull(serviceId, "serviceId")) >= 0;
  }

  /**
   * Describes the analysis in one line: {@code "db-orders fails: 3 services (checkout, ...), 7
   * items, highest criticality BUSINESS_CRITICAL, 12000 users"}.
   *
   * @return the summary
   */
  public String summary() {
    return failed.id() + " fails: " + services.size() + " service" + (services.size() == 1 ? "" : "s")
        + (services.isEmpty() ? "" : " (" + String.join(", ", services) + ")") + ", "
        + affected.size() + " item" + (affected.size() == 1 ? "" : "s") + " affected, highest criticality "
        + highestCriticality + (affectedUsers > 0 ? ", " + affectedUsers + " users" : "");
  }
}
