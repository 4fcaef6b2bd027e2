/**
 * The audit trail: {@link io.itsm.core.event.IncidentEvent} (a sealed interface with one record
 * per kind of change), the {@link io.itsm.core.event.Provenance} that names the rule or person behind
 * a decision, and {@link io.itsm.core.event.IncidentHistory}, which rebuilds an incident from its
 * events.
 */
package io.itsm.core.event;
