/**
 * The incident desk's implementation, not API: {@link io.itsm.core.ServiceDesk} is a list of
 * one-line commands over these classes. The write path every command goes through ({@link
 * io.itsm.core.incident.internal.CommandExecutor}), logging a ticket ({@link
 * io.itsm.core.incident.internal.Intake}) and applying its triage result ({@link
 * io.itsm.core.incident.internal.TriageApplier}), the lifecycle commands ({@link
 * io.itsm.core.incident.internal.IncidentCommands}), due work ({@link
 * io.itsm.core.incident.internal.DueWorkRunner}, {@link io.itsm.core.incident.internal.DueWork},
 * {@link io.itsm.core.incident.internal.SlaRecords}) and the reads ({@link
 * io.itsm.core.incident.internal.IncidentQueries}). Types here may change without notice; do not
 * use them from applications, nor from other practices.
 */
package io.itsm.core.incident.internal;
