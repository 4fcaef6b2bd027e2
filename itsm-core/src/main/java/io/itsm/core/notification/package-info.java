/**
 * Notifications: who is told what about incidents and announcements, when, in which language and
 * on which channel ({@link io.itsm.core.notification.Notifications}); templates checked when loaded;
 * delivery through the application's {@link io.itsm.core.notification.Publisher} on a worker, with
 * retries, recorded attempts, quiet hours and digests, once per event.
 */
package io.itsm.core.notification;
