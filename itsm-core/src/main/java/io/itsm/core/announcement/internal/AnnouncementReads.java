package io.itsm.core.announcement.internal;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.kernel.Kernel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The announcement queries: what an actor may see (published, ended and archived announcements,
 * everyone; the others, those who draft), the archive search, and which active announcements
 * concern a ticket.
 *
 * <p>Thread-safe; reads do not wait for writes.
 */
public final class AnnouncementReads {

  private final Kernel kernel;
  private final AnnouncementStore store;
  private final Optional<Cmdb> cmdb;

  /**
   * Creates the reads.
   *
   * @param kernel the access policy
   * @param store the announcements
   * @param cmdb the CMDB, if any: tickets match through its graph
   */
  public AnnouncementReads(Kernel kernel, AnnouncementStore store, Optional<Cmdb> cmdb) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.store = Objects.requireNonNull(store, "store");
    this.cmdb = Objects.requireNonNull(cmdb, "cmdb");
  }

  /** {@code Announcements.get}. */
  public Announcement get(Actor actor, String id) {
    Objects.requireNonNull(actor, "actor");
    Announcement a = store.load(id);
    if (!visible(actor, a)) {
      throw new RecordNotFoundException(AnnouncementStore.KIND, id, "");
    }
    return a;
  }

  /** {@code Announcements.search}. */
  public List<Announcement> search(Actor actor, AnnouncementQuery query) {
    Objects.requireNonNull(actor, "actor");
    return store.repository().find(Objects.requireNonNull(query, "query")).stream()
        .filter(a -> visible(actor, a)).toList();
  }

  /** {@code Announcements.history}. */
  public List<AnnouncementEvent> history(Actor actor, String id) {
    get(actor, id);
    return store.repository().history(id);
  }

  /** {@code Announcements.active}. */
  public List<Announcement> active(Instant at) {
    Objects.requireNonNull(at, "at");
    return store.published().stream().filter(a -> a.isActiveAt(at)).toList();
  }

  /** {@code Announcements.activeFor}. */
  public List<Announcement> activeFor(String service, String ci, Instant at) {
    Objects.requireNonNull(at, "at");
    List<Announcement> active = active(at);
    if (active.isEmpty() || service == null && ci == null) {
      return List.of();
    }
    Optional<ImpactAnalysis> viaCi = Optional.empty();
    Optional<ImpactAnalysis> viaService = Optional.empty();
    if (cmdb.isPresent()) {
      viaCi = ci == null ? viaCi : cmdb.get().impactIfKnown(Actor.system(), ci);
      viaService = service == null ? viaService
          : cmdb.get().impactIfKnown(Actor.system(), service);
    }
    List<Announcement> out = new ArrayList<>(1);
    for (Announcement a : active) {
      if (Checks.concerns(a, service, ci, viaCi, viaService)) {
        out.add(a);
      }
    }
    return out;
  }

  private boolean visible(Actor actor, Announcement a) {
    return switch (a.status()) {
      case PUBLISHED, ENDED, ARCHIVED -> true;
      default -> kernel.accessPolicy().permits(actor, Permission.ANNOUNCEMENT_DRAFT,
          Optional.empty());
    };
  }
}
