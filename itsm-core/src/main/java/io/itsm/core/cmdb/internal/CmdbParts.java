package io.itsm.core.cmdb.internal;

import io.itsm.core.cmdb.CmdbListener;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.kernel.Kernel;
import java.util.List;
import java.util.Objects;

/**
 * The parts of one CMDB, made from its kernel, repository and listeners.
 *
 * @param kernel the kernel, with the CMDB's own clock and access policy
 * @param store the write path and the graph index
 * @param commands the commands
 * @param reads the queries
 * @param backup export and import
 */
public record CmdbParts(
    Kernel kernel, CiStore store, CiCommands commands, CiReads reads, CmdbBackup backup) {

  /**
   * Makes the parts.
   *
   * @param kernel the kernel
   * @param repository where items are stored; the graph index is built from it
   * @param listeners who hears every stored event
   * @return the parts
   */
  public static CmdbParts of(Kernel kernel, CmdbRepository repository,
      List<CmdbListener> listeners) {
    Objects.requireNonNull(kernel, "kernel");
    CiStore store = new CiStore(repository, List.copyOf(listeners));
    return new CmdbParts(kernel, store, new CiCommands(kernel, store), new CiReads(kernel, store),
        new CmdbBackup(kernel, store));
  }
}
