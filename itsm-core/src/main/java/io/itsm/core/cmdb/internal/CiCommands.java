package io.itsm.core.cmdb.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.cmdb.AttributeChange;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiHistory;
import io.itsm.core.cmdb.CiRegistered;
import io.itsm.core.cmdb.CiRetired;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.CiUpdated;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationAdded;
import io.itsm.core.cmdb.RelationRemoved;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.kernel.Kernel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The bodies of the CMDB's commands: access check, argument and graph checks, the events each
 * records. Also what change requests need of the CMDB: checking planned updates and applying a
 * verified change's updates to every item at once.
 *
 * <p>Thread-safe: every command runs with the store's writes held.
 */
public final class CiCommands {

  private final Kernel kernel;
  private final CiStore store;

  /**
   * Creates the commands.
   *
   * @param kernel clock and access policy
   * @param store the write path
   */
  public CiCommands(Kernel kernel, CiStore store) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.store = Objects.requireNonNull(store, "store");
  }

  /** {@code Cmdb.register}. */
  public ConfigurationItem register(Actor actor, CiDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    return write(actor, Permission.CMDB_UPDATE, () -> {
      if (store.repository().find(definition.id()).isPresent()) {
        throw new ValidationException("configuration item " + definition.id()
            + " already exists; update it instead, or choose another id");
      }
      return store.commit(null, List.of(new CiRegistered(definition.id(), 1,
          kernel.clock().instant(), actor.id(), definition)));
    });
  }

  /** {@code Cmdb.update}. */
  public ConfigurationItem update(Actor actor, String id, List<CiUpdate> updates) {
    Objects.requireNonNull(updates, "updates");
    return write(actor, Permission.CMDB_UPDATE, () -> {
      ConfigurationItem before = store.active(id, "update");
      return store.commit(before, List.of(updated(before, updates, actor, kernel.clock().instant())));
    });
  }

  private static CiUpdated updated(ConfigurationItem before, List<CiUpdate> updates, Actor actor,
      Instant now) {
    List<AttributeChange> changes =
        before.definition().changesTo(before.definition().apply(updates));
    if (changes.isEmpty()) {
      throw new ValidationException("the updates " + updates + " change nothing on configuration"
          + " item " + before.id());
    }
    return new CiUpdated(before.id(), before.version() + 1, at(before, now), actor.id(), changes,
        Optional.empty());
  }

  /** {@code Cmdb.retire}. */
  public ConfigurationItem retire(Actor actor, String id, String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new ValidationException("retirement reason of " + id + " must not be blank");
    }
    return write(actor, Permission.CMDB_UPDATE, () -> {
      ConfigurationItem before = store.active(id, "retire");
      List<Relation> incoming = store.graph().incoming(id);
      if (!incoming.isEmpty()) {
        throw new ValidationException("configuration item " + id + " cannot be retired while other"
            + " items relate to it; remove these relations first: " + incoming);
      }
      Instant now = at(before, kernel.clock().instant());
      List<CiEvent> events = new ArrayList<>();
      long seq = before.version();
      for (Relation r : before.relations()) {
        events.add(new RelationRemoved(id, ++seq, now, actor.id(), r));
      }
      events.add(new CiRetired(id, ++seq, now, actor.id(), reason));
      return store.commit(before, events);
    });
  }

  /** {@code Cmdb.relate}. */
  public ConfigurationItem relate(Actor actor, Relation relation) {
    Objects.requireNonNull(relation, "relation");
    return write(actor, Permission.CMDB_UPDATE, () -> {
      ConfigurationItem from = store.active(relation.from(), "relate");
      store.active(relation.to(), "be related to");
      if (from.relations().contains(relation)) {
        throw new ValidationException("relation " + relation + " already exists");
      }
      if (relation.type() == RelationType.PART_OF) {
        store.graph().partOfCycle(relation).ifPresent(path -> {
          throw new ValidationException("relation " + relation + " would close a cycle in 'part"
              + " of': " + path.stream().map(Relation::toString).collect(Collectors.joining(", "))
              + ", then " + relation + "; a thing cannot be part of itself (remove one of these"
              + " relations first)");
        });
      }
      return store.commit(from, List.of(new RelationAdded(from.id(), from.version() + 1,
          at(from, kernel.clock().instant()), actor.id(), relation)));
    });
  }

  /** {@code Cmdb.unrelate}. */
  public ConfigurationItem unrelate(Actor actor, Relation relation) {
    Objects.requireNonNull(relation, "relation");
    return write(actor, Permission.CMDB_UPDATE, () -> {
      ConfigurationItem from = store.active(relation.from(), "unrelate");
      if (!from.relations().contains(relation)) {
        throw new ValidationException("relation " + relation + " does not exist; the relations of "
            + from.id() + " are " + from.relations());
      }
      return store.commit(from, List.of(new RelationRemoved(from.id(), from.version() + 1,
          at(from, kernel.clock().instant()), actor.id(), relation)));
    });
  }

  // ---------------------------------------------------------------- for change requests

  /**
   * Checks planned updates against the current items: each exists, is in service, and its values
   * are valid.
   *
   * @param sets the planned updates
   * @throws io.itsm.core.RecordNotFoundException if an item does not exist
   * @throws ValidationException if an item is retired or a value is invalid
   */
  public void checkPlannedUpdates(List<CiUpdateSet> sets) {
    for (CiUpdateSet s : sets) {
      ConfigurationItem ci = store.active(s.ciId(), "be changed by a change request");
      ci.definition().apply(s.updates());
    }
  }

  /**
   * Applies a verified change's updates to every item at once, each recorded with the change's id;
   * an update that already holds is skipped.
   *
   * @param actor who verified the change (its access was checked by the change request)
   * @param changeId the change
   * @param sets the planned updates
   * @return the items after
   * @throws ValidationException if an update no longer applies; nothing is stored then
   */
  public List<ConfigurationItem> applyChange(Actor actor, String changeId, List<CiUpdateSet> sets) {
    Objects.requireNonNull(actor, "actor");
    return store.write(() -> {
      Instant now = kernel.clock().instant();
      Map<String, ConfigurationItem> states = new LinkedHashMap<>();
      Map<String, List<CiEvent>> events = new LinkedHashMap<>();
      Map<String, Long> read = new LinkedHashMap<>();
      for (CiUpdateSet s : sets) {
        ConfigurationItem before = states.containsKey(s.ciId()) ? states.get(s.ciId())
            : store.active(s.ciId(), "be changed by change request " + changeId);
        read.putIfAbsent(s.ciId(), before.version());
        List<AttributeChange> changes =
            before.definition().changesTo(before.definition().apply(s.updates()));
        if (changes.isEmpty()) {
          continue; // already as planned: nothing to record
        }
        CiUpdated e = new CiUpdated(s.ciId(), before.version() + 1, at(before, now), actor.id(),
            changes, Optional.of(changeId));
        states.put(s.ciId(), CiHistory.apply(before, e));
        events.computeIfAbsent(s.ciId(), k -> new ArrayList<>()).add(e);
      }
      List<CmdbRepository.Append> appends = new ArrayList<>();
      for (Map.Entry<String, List<CiEvent>> e : events.entrySet()) {
        appends.add(new CmdbRepository.Append(read.get(e.getKey()), e.getValue(),
            states.get(e.getKey())));
      }
      store.commitAll(appends, false);
      return List.copyOf(states.values());
    });
  }

  // ---------------------------------------------------------------- machinery

  private <T> T write(Actor actor, Permission permission, Supplier<T> command) {
    kernel.accessPolicy().check(Objects.requireNonNull(actor, "actor"), permission,
        Optional.empty());
    return store.write(command);
  }

  private static Instant at(ConfigurationItem before, Instant now) {
    return now.isBefore(before.updatedAt()) ? before.updatedAt() : now;
  }
}
