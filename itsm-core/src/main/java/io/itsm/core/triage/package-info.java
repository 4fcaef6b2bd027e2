/**
 * The triage SPI: a {@link io.itsm.core.triage.TriagePolicy} reads a {@link
 * io.itsm.core.incident.Ticket} and returns a {@link io.itsm.core.triage.TriageResult} of {@link
 * io.itsm.core.triage.TriageDecision decisions}, each naming the rule that made it. Rules decide; the
 * desk applies.
 */
package io.itsm.core.triage;
