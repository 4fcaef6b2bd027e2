/**
 * Announcements of planned and unplanned outages, maintenance, upgrades and new features ({@link
 * io.itsm.core.announcement.Announcements}): several languages, approval before publishing (an
 * {@link io.itsm.core.announcement.AnnouncementPolicy} decides approvers and lead time), updates
 * while they last, end, a searchable archive, feedback, and tickets linked to the active
 * announcement that explains them ({@link io.itsm.core.announcement.AnnouncementLinker}).
 */
package io.itsm.core.announcement;
