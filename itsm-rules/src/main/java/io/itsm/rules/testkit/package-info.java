/**
 * Tools for testing and benchmarking triage policies: {@link
 * io.itsm.rules.testkit.TicketGenerator} generates deterministic tickets.
 */
package io.itsm.rules.testkit;
