package io.itsm.core.cmdb.internal;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.cmdb.CiAuditEntry;
import io.itsm.core.cmdb.CiAuditQuery;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.CiRegistered;
import io.itsm.core.cmdb.CiRetired;
import io.itsm.core.cmdb.CiStatus;
import io.itsm.core.cmdb.CiUpdated;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationAdded;
import io.itsm.core.cmdb.RelationRemoved;
import io.itsm.core.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CMDB's queries, each checking {@link Permission#CMDB_READ}: items, relations, impact
 * analyses, histories and the audit trail.
 *
 * <p>Thread-safe; reads do not wait for writes.
 */
public final class CiReads {

  private final Kernel kernel;
  private final CiStore store;

  /**
   * Creates the reads.
   *
   * @param kernel the access policy
   * @param store the items
   */
  public CiReads(Kernel kernel, CiStore store) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Checks that an actor may read the CMDB.
   *
   * @param actor the actor
   * @throws io.itsm.core.access.AccessDeniedException if not
   */
  public void check(Actor actor) {
    kernel.accessPolicy().check(Objects.requireNonNull(actor, "actor"), Permission.CMDB_READ,
        Optional.empty());
  }

  /** {@code Cmdb.get}. */
  public ConfigurationItem get(Actor actor, String id) {
    check(actor);
    return store.load(id);
  }

  /** {@code Cmdb.find(actor, id)}. */
  public Optional<ConfigurationItem> find(Actor actor, String id) {
    check(actor);
    return store.repository().find(Objects.requireNonNull(id, "id"));
  }

  /** {@code Cmdb.find(actor, query)}. */
  public List<ConfigurationItem> find(Actor actor, CiQuery query) {
    check(actor);
    return store.repository().find(Objects.requireNonNull(query, "query"));
  }

  /** {@code Cmdb.relations}. */
  public List<Relation> relations(Actor actor, String id) {
    check(actor);
    List<Relation> out = new ArrayList<>(store.load(id).relations());
    out.addAll(store.graph().incoming(id));
    return out;
  }

  /** {@code Cmdb.impactOf}. */
  public ImpactAnalysis impactOf(Actor actor, String id) {
    check(actor);
    return store.impact(id).orElseThrow(() -> store.notFound(id));
  }

  /** {@code Cmdb.impactIfKnown}. */
  public Optional<ImpactAnalysis> impactIfKnown(Actor actor, String id) {
    check(actor);
    return store.impact(id);
  }

  /** {@code Cmdb.history}. */
  public List<CiEvent> history(Actor actor, String id) {
    check(actor);
    store.load(id);
    return store.repository().history(id);
  }

  /** {@code Cmdb.audit}. */
  public List<CiAuditEntry> audit(Actor actor, CiAuditQuery query) {
    check(actor);
    Objects.requireNonNull(query, "query");
    List<CiAuditEntry> out = new ArrayList<>();
    for (CiEvent e : store.repository().audit(query)) {
      for (CiAuditEntry entry : entries(e)) {
        if (query.field().map(entry.field()::equals).orElse(true)) {
          out.add(entry);
        }
      }
    }
    return out;
  }

  /** One audit entry per changed field, relation added or removed, registration, retirement. */
  private static List<CiAuditEntry> entries(CiEvent e) {
    Optional<String> none = Optional.empty();
    if (e instanceof CiRegistered r) {
      return List.of(new CiAuditEntry(e.ciId(), e.sequence(), e.at(), e.actor(), "registered",
          none, Optional.of(r.definition().type() + " " + r.definition().name()), none));
    } else if (e instanceof CiUpdated u) {
      return u.changes().stream().map(c -> new CiAuditEntry(e.ciId(), e.sequence(), e.at(),
          e.actor(), c.field(), c.before(), c.after(), u.changeRequestId())).toList();
    } else if (e instanceof CiRetired) {
      return List.of(new CiAuditEntry(e.ciId(), e.sequence(), e.at(), e.actor(), "status",
          Optional.of(CiStatus.ACTIVE.name()), Optional.of(CiStatus.RETIRED.name()), none));
    } else if (e instanceof RelationAdded a) {
      return List.of(new CiAuditEntry(e.ciId(), e.sequence(), e.at(), e.actor(), "relation", none,
          Optional.of(a.relation().type() + " " + a.relation().to()), none));
    }
    RelationRemoved r = (RelationRemoved) e;
    return List.of(new CiAuditEntry(e.ciId(), e.sequence(), e.at(), e.actor(), "relation",
        Optional.of(r.relation().type() + " " + r.relation().to()), none, none));
  }
}
