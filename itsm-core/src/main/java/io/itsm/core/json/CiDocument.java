package io.itsm.core.json;

import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiStatus;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.json.Scalars.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored configuration item as written in JSON (docs/cmdb.md, "JSON"): its definition's fields,
 * then its relations, status, times and version, in one flat object.
 */
record CiDocument(
    @NotBlank String id,
    CiType type,
    @NotBlank String name,
    Optional<String> ownerTeam,
    Optional<String> supportTeam,
    Criticality criticality,
    Optional<String> location,
    Map<String, String> attributes,
    List<Relation> relations,
    CiStatus status,
    Instant registeredAt,
    Instant updatedAt,
    long version) {

  static CiDocument of(ConfigurationItem ci) {
    CiDefinition d = ci.definition();
    return new CiDocument(d.id(), d.type(), d.name(), d.ownerTeam(), d.supportTeam(),
        d.criticality(), d.location(), d.attributes(), ci.relations(), ci.status(),
        ci.registeredAt(), ci.updatedAt(), ci.version());
  }

  ConfigurationItem toItem() {
    return new ConfigurationItem(new CiDefinition(id, type, name, ownerTeam, supportTeam,
        criticality, location, attributes), relations, status, registeredAt, updatedAt, version);
  }
}
