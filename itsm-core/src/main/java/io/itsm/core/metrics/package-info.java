/**
 * The service desk's assessment indicators, computed from incident events alone for any period
 * and grouping: first-contact resolution, SLA compliance, times to acknowledge, respond and
 * resolve, handling time, volumes and backlog, reopen, reassignment and escalation rates, cost
 * per ticket ({@link io.itsm.core.metrics.Metrics}, {@link io.itsm.core.metrics.Metric}); and
 * staffing by Erlang C from arrivals and handling times ({@link io.itsm.core.metrics.Staffing}).
 * Definitions are in docs/metrics.md.
 */
package io.itsm.core.metrics;
