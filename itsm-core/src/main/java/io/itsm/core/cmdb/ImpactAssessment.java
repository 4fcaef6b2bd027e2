package io.itsm.core.cmdb;

import java.util.List;
import java.util.Objects;

/**
 * The impact of a change, computed from the graph when it is requested: the services and items a
 * failure of the touched items would reach, the highest criticality involved, and the risk that
 * follows from them.
 *
 * <p>The assessed risk is HIGH when a business-critical item or three or more services are
 * involved, MEDIUM when a highly critical item or any service is, else LOW. The change's risk is
 * the higher of this and the requester's.
 *
 * <p>Immutable and thread-safe.
 *
 * @param services the business services affected, sorted
 * @param highestCriticality the highest criticality of the touched and affected items
 * @param affectedItems how many items besides the touched ones are affected
 * @param affectedUsers the users of the affected services
 * @param risk the risk that follows
 */
public record ImpactAssessment(
    List<String> services, Criticality highestCriticality, int affectedItems, int affectedUsers, Risk risk) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ImpactAssessment {
    services = List.copyOf(Objects.requireNonNull(services, "services"));
    Objects.requireNonNull(highestCriticality, "highestCriticality");
    Objects.requireNonNull(risk, "risk");
  }

  /**
   * The risk that follows from services and criticality.
   *
   * @param services how many services are affected
   * @param highest the highest criticality involved
   * @return the risk
   */
  public static Risk riskOf(int services, Criticality highest) {
    if (highest == Criticality.BUSINESS_CRITICAL || services >= 3) {
      return Risk.HIGH;
    }
    if (highest == Criticality.HIGH || services >= 1) {
      return Risk.MEDIUM;
    }
    return Risk.LOW;
  }

  /**
   * Describes the assessment in one line.
   *
   * @return for example {@code "3 services (checkout, payments, shop), 9 items, highest BUSINESS_CRITICAL: risk HIGH"}
   */
  public String summary() {
    return services.size() + " service" + (services.size() == 1 ? "" : "s")
        + (services.isEmpty() ? "" : " (" + String.join(", ", services) + ")") + ", " + affectedItems
        + " item" + (affectedItems == 1 ? "" : "s") + ", highest " + highestCriticality + ": risk " + risk;
  }
}
