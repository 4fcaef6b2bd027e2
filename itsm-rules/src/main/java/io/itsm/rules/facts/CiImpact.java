package io.itsm.rules.facts;

import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.ImpactAnalysis;
import java.util.Objects;
import java.util.List;

/**
 * What the CMDB says about the configuration item a ticket is about (its {@code
 * configurationItem}, else its {@code service} when that is an item of the CMDB): the item's
 * criticality and teams, and the impact analysis of its failure. One per triage, when the engine
 * has a CMDB ({@code TriageEngine.builder().cmdb(cmdb)}) and the item is known.
 *
 * <pre>
 * rule "A business-critical item in the CMDB means high impact"
 *   ruleflow-group "assess"
 * when
 *   CiImpact(criticality == Criticality.BUSINESS_CRITICAL, $ci : ci)
 * then
 *   decide.atLeast(Impact.HIGH, "configuration item " + $ci + " is business-critical");
 * end
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param ci the item's id
 * @param name its name
 * @param type its type
 * @param criticality its criticality
 * @param supportTeam the team that supports it, or null
 * @param ownerTeam the team that owns it, or null
 * @param services the business services its failure reaches (itself, if a service), sorted
 * @param serviceCount how many
 * @param highestCriticality the highest criticality of it and every item its failure reaches
 * @param affectedItems how many items its failure reaches
 * @param affectedUsers the users of the services reached
 * @param fromService whether the ticket named the item as its service (not as its configuration item)
 */
public record CiImpact(
    String ci,
    String name,
    CiType type,
    Criticality criticality,
    String supportTeam,
    String ownerTeam,
    List<String> services,
    int serviceCount,
    Criticality highestCriticality,
    int affectedItems,
    int affectedUsers,
    boolean fromService) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a required component is null
   */
  public CiImpact {
    Objects.requireNonNull(ci, "ci");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(criticality, "criticality");
    services = List.copyOf(Objects.requireNonNull(services, "services"));
    Objects.requireNonNull(highestCriticality, "highestCriticality");
  }

  /**
   * The fact of an impact analysis.
   *
   * @param a the analysis
   * @param fromService whether the ticket named the item as its service
   * @return the fact
   */
  public static CiImpact of(ImpactAnalysis a, boolean fromService) {
    Objects.requireNonNull(a, "analysis");
    return new CiImpact(a.failed().id(), a.failed().name(), a.failed().type(), a.failed().criticality(),
        a.failed().supportTeam().orElse(null), a.failed().ownerTeam().orElse(null),
        a.services(), a.services().size(), a.highestCriticality(), a.affected().size(),
        a.affectedUsers(), fromService);
  }

  /**
   * Returns the services reached, for reasons: all of them when three or fewer, else the first
   * three and how many more.
   *
   * @return for example {@code "svc-checkout, svc-payments, svc-webshop"} or {@code "svc-a, svc-b,
   *     svc-c and 12 more"}
   */
  public String serviceList() {
    return services.size() <= 3 ? String.join(", ", services)
        : String.join(", ", services.subList(0, 3)) + " and " + (services.size() - 3) + " more";
  }
}
