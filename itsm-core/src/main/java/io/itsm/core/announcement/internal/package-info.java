/**
 * Implementation of announcements: the write path ({@link
 * io.itsm.core.announcement.internal.AnnouncementStore}), the commands and queries of {@link
 * io.itsm.core.announcement.Announcements}, and the checks of their content. Not API: it changes
 * without notice.
 */
package io.itsm.core.announcement.internal;
