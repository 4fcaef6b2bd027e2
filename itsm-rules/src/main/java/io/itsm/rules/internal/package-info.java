/**
 * Implementation details of the triage engine (the Drools adapter, the decision log, rule
 * sources). Not API: may change in any release.
 */
package io.itsm.rules.internal;
