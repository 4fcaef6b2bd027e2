/**
 * The facts and the action API that escalation rule files use: import {@code
 * io.itsm.rules.escalation.*} in DRL.
 *
 * <p>Per decision the {@link io.itsm.rules.EscalationEngine} inserts one {@link
 * io.itsm.rules.escalation.IncidentFact}, one {@link io.itsm.rules.escalation.SlaClockFact} per SLA
 * clock (response and resolution) and the {@link io.itsm.rules.TeamMap}. Rules write into the
 * global {@link io.itsm.rules.escalation.Escalations escalations}. See {@code docs/rules.md},
 * section "Escalation ladders".
 */
package io.itsm.rules.escalation;
