package io.itsm.core.cmdb.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiHistory;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.kernel.Kernel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A consistent backup of the CMDB and its restore into an empty one, checked whole before
 * anything is stored.
 *
 * <p>Thread-safe: both run with the store's writes held.
 */
public final class CmdbBackup {

  private final Kernel kernel;
  private final CiStore store;

  /**
   * Creates the backup.
   *
   * @param kernel clock and access policy
   * @param store the items
   */
  public CmdbBackup(Kernel kernel, CiStore store) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.store = Objects.requireNonNull(store, "store");
  }

  /** {@code Cmdb.export}. */
  public CmdbExport export(Actor actor) {
    kernel.accessPolicy().check(Objects.requireNonNull(actor, "actor"), Permission.CMDB_READ,
        Optional.empty());
    return store.write(() -> {
      Map<String, List<CiEvent>> histories = new LinkedHashMap<>();
      for (ConfigurationItem ci : store.repository().find(CiQuery.all())) {
        histories.put(ci.id(), store.repository().history(ci.id()));
      }
      return new CmdbExport(kernel.clock().instant(), histories);
    });
  }

  /** {@code Cmdb.importFrom}. */
  public int importFrom(Actor actor, CmdbExport backup) {
    Objects.requireNonNull(backup, "backup");
    kernel.accessPolicy().check(Objects.requireNonNull(actor, "actor"), Permission.CMDB_UPDATE,
        Optional.empty());
    store.write(() -> {
      int stored = store.repository().find(CiQuery.all()).size();
      if (stored > 0) {
        throw new ValidationException("a CMDB backup is restored into an empty CMDB, but this one"
            + " holds " + stored + " items; restore into a new store");
      }
      List<ConfigurationItem> states = new ArrayList<>();
      List<CmdbRepository.Append> appends = new ArrayList<>();
      for (Map.Entry<String, List<CiEvent>> e : backup.histories().entrySet()) {
        ConfigurationItem ci;
        try {
          ci = CiHistory.replay(e.getValue());
        } catch (ValidationException x) {
          throw new ValidationException("the backup's history of " + e.getKey()
              + " does not replay: " + x.getMessage());
        }
        states.add(ci);
        appends.add(new CmdbRepository.Append(0, e.getValue(), ci));
      }
      checkRelations(states, backup.histories().keySet());
      store.commitAll(appends, true);
      return null;
    });
    return backup.size();
  }

  /** Every relation names an item of the backup, and "part of" has no cycle. */
  private static void checkRelations(List<ConfigurationItem> states, Set<String> backupIds) {
    CiGraph check = new CiGraph();
    Set<String> ids = new HashSet<>(backupIds);
    for (ConfigurationItem ci : states) {
      check.put(new ConfigurationItem(ci.definition(), List.of(), ci.status(), ci.registeredAt(),
          ci.updatedAt(), ci.version()));
    }
    for (ConfigurationItem ci : states) {
      for (Relation r : ci.relations()) {
        if (!ids.contains(r.to())) {
          throw new ValidationException("the backup's relation " + r + " names an item the backup"
              + " does not hold: " + r.to());
        }
        if (r.type() == RelationType.PART_OF) {
          Optional<List<Relation>> cycle = check.partOfCycle(r);
          if (cycle.isPresent()) {
            throw new ValidationException("the backup's relation " + r + " closes a cycle in"
                + " 'part of': " + cycle.get());
          }
        }
        check.put(check.item(ci.id()).orElseThrow().withRelation(r));
      }
    }
  }
}
