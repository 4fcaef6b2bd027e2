/**
 * Escalation: the SPI through which rules (for example the DRL ladders of itsm-rules) decide
 * functional and hierarchical escalations from an incident and its SLA report. {@link
 * io.itsm.core.ServiceDesk#tick(java.time.Instant)} applies each decided action once.
 */
package io.itsm.core.escalation;
