/** Implementation of announcements: the checks of their commands. Not API. */
package io.itsm.core.announcement.internal;
