package io.itsm.core.announcement;

import io.itsm.core.cmdb.Criticality;
import java.util.List;
import java.util.Objects;

/**
 * How far an announcement reaches, as the {@link AnnouncementPolicy} sees it: the services (its own
 * and, with a CMDB, those its items' failure reaches), the highest criticality among them and
 * their items, and their users.
 *
 * <p>Immutable and thread-safe.
 *
 * @param services the services reached, sorted
 * @param highestCriticality the highest criticality involved ({@code LOW} without a CMDB)
 * @param users the users of those services (0 without a CMDB)
 */
public record AnnouncementReach(List<String> services, Criticality highestCriticality, int users) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AnnouncementReach {
    services = List.copyOf(Objects.requireNonNull(services, "services"));
    Objects.requireNonNull(highestCriticality, "highestCriticality");
  }
}
