/**
 * Implementation of notifications: the notices of incident and announcement events (deciding,
 * rendering, scheduling), the values templates are filled with, and the delivery worker. Not API:
 * it changes without notice.
 */
package io.itsm.core.notification.internal;
