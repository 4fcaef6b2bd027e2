package io.itsm.core.announcement.internal;

import io.itsm.core.announcement.AnnouncementListener;
import io.itsm.core.announcement.AnnouncementPolicy;
import io.itsm.core.announcement.AnnouncementRepository;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.kernel.Kernel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parts of one {@code Announcements}.
 *
 * @param kernel the kernel, with its own clock and access policy
 * @param languages the languages texts may be written in
 * @param store the write path
 * @param commands the commands
 * @param reads the queries
 */
public record AnnouncementParts(Kernel kernel, Set<String> languages, AnnouncementStore store,
    AnnouncementCommands commands, AnnouncementReads reads) {

  /**
   * Makes the parts.
   *
   * @param kernel the kernel
   * @param repository where announcements are stored
   * @param policy who approves, what lead time
   * @param cmdb the CMDB, if any
   * @param languages the languages texts may be written in
   * @param ids new ids
   * @param listeners who hears every stored event
   * @return the parts
   */
  public static AnnouncementParts of(Kernel kernel, AnnouncementRepository repository,
      AnnouncementPolicy policy, Optional<Cmdb> cmdb, Set<String> languages,
      Supplier<String> ids, List<AnnouncementListener> listeners) {
    Objects.requireNonNull(kernel, "kernel");
    Set<String> langs = Set.copyOf(languages);
    AnnouncementStore store = new AnnouncementStore(repository, kernel.clock(), listeners);
    Checks checks = new Checks(repository, cmdb, langs);
    return new AnnouncementParts(kernel, langs, store,
        new AnnouncementCommands(kernel, store, checks, policy, langs, ids),
        new AnnouncementReads(kernel, store, cmdb));
  }
}
