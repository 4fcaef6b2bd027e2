package io.itsm.core.incident.internal;

import io.itsm.core.incident.Incident;

/**
 * The body of a command: checks its arguments against the incident as loaded and records the
 * command's events. It throws to refuse the command; nothing is stored then.
 */
@FunctionalInterface
public interface CommandStep {

  /**
   * Runs the step.
   *
   * @param incident the incident as loaded, before the command
   * @param recorder where the command's events go
   */
  void run(Incident incident, Recorder recorder);
}
