package io.itsm.rules.testkit;

import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import java.util.HashMap;
import java.util.Map;

/**
 * The engines of the test-kit tests, built once per JVM: the default packs with the generator's
 * business-critical items and a team map without a team for "other" (so that "Categories without
 * a team go to the service desk" can fire).
 */
final class KitEngines {

  private KitEngines() {}

  /** Lazily built default-pack engine. */
  static TriageEngine defaults() {
    return Holder.DEFAULTS;
  }

  /** The team map of {@link #defaults()}: the default map without a team for "other". */
  static TeamMap teamsWithoutOther() {
    Map<String, String> categories = new HashMap<>(TeamMap.defaults().categoryTeams());
    categories.remove("other");
    return TeamMap.of("service-desk", categories, TeamMap.defaults().languageTeams(), Map.of());
  }

  /** The configuration of {@link #defaults()}, for engines that add to it. */
  static TriageEngine.Builder defaultsBuilder() {
    return TriageEngine.builder()
        .criticalConfigurationItems(TicketGenerator.CRITICAL_CONFIGURATION_ITEMS)
        .criticalServices(TicketGenerator.CRITICAL_SERVICES)
        .teams(teamsWithoutOther());
  }

  private static final class Holder {
    static final TriageEngine DEFAULTS = defaultsBuilder().build();
  }
}
