/**
 * The policy test kit: scenario files (given a ticket, expect category, priority, team, ...)
 * runnable under JUnit 5, AssertJ-style assertions on triage results, rule coverage, and what-if
 * comparisons of two policies over past tickets.
 *
 * <ul>
 *   <li>{@link io.itsm.rules.testkit.Scenarios} reads scenario files; {@link
 *       io.itsm.rules.testkit.ScenarioRunner} runs them into a {@link
 *       io.itsm.rules.testkit.ScenarioReport}.
 *   <li>{@link io.itsm.rules.testkit.ScenarioTests} turns them into JUnit 5 dynamic tests
 *       (needs {@code junit-jupiter-api}, an optional dependency).
 *   <li>{@link io.itsm.rules.testkit.TriageAssertions} starts AssertJ assertions (needs {@code
 *       assertj-core}, an optional dependency).
 *   <li>{@link io.itsm.rules.testkit.RuleCoverage} reports the rules no scenario fired.
 *   <li>{@link io.itsm.rules.testkit.WhatIf} compares two policies over JSON Lines tickets.
 *   <li>{@link io.itsm.rules.testkit.TicketGenerator} generates deterministic tickets.
 * </ul>
 *
 * See {@code docs/testing.md}.
 */
package io.itsm.rules.testkit;
