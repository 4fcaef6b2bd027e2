/**
 * Example: embedding the desk in an application — JSON tickets in, rules triage, an event listener
 * as the audit log, replay of the stored history.
 */
package io.itsm.examples.embed;
