/**
 * Implementation of {@code io.itsm.kafka}: the triage processor, the rule holder that reloads a
 * watched directory, and the JSON of status records. Not API: anything here may change.
 */
package io.itsm.kafka.internal;
