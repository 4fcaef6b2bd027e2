package io.itsm.core.incident.internal;

import io.itsm.core.DeskConfig;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The parts of an incident desk, made from its config and sharing one write path: what {@link
 * io.itsm.core.ServiceDesk}'s one-line commands call.
 *
 * <p>Immutable and thread-safe, provided the config's objects are.
 *
 * @param config the desk's config
 * @param intake logs tickets
 * @param commands the lifecycle commands after logging
 * @param dueWork the tick
 * @param queries the reads
 */
public record DeskParts(DeskConfig config, Intake intake, IncidentCommands commands, DueWorkRunner dueWork,
    IncidentQueries queries) {

  /**
   * Makes the parts of a desk.
   *
   * @param config the desk's config
   * @return the parts
   */
  public static DeskParts of(DeskConfig config) {
    KnownTeams teams = new KnownTeams(config.knownTeams());
    Optional<SlaRecords> sla = config.slaPolicy()
        .map(p -> new SlaRecords(p, config.slaThresholds(), config.repository()));
    TreeSet<Integer> checkpoints = new TreeSet<>(config.slaThresholds());
    config.escalationPolicy().ifPresent(p -> checkpoints.addAll(p.checkpoints()));
    DueWork due = new DueWork(config.autoCloseAfter(), config.slaPolicy(), config.slaThresholds(),
        config.escalationPolicy().isPresent(), List.copyOf(checkpoints));
    CommandExecutor executor = new CommandExecutor(config, sla, due);
    return new DeskParts(config,
        new Intake(config, new TriageApplier(config.catalogue(), teams), executor),
        new IncidentCommands(config, teams, executor),
        new DueWorkRunner(config, sla, teams, due, executor),
        new IncidentQueries(config, executor));
  }
}
