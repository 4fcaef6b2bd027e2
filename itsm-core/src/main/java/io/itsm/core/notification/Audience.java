package io.itsm.core.notification;

/**
 * Whom a notification rule addresses, relative to the incident. (Announcements go to the users of
 * the services they reach, without a rule: see {@link Notifications#recordAnnouncement}.)
 */
public enum Audience {
  /** The incident's caller. */
  CALLER,
  /** The person the incident is assigned to. */
  ASSIGNEE,
  /** Every member of the incident's assignment group. */
  TEAM,
  /** The team lead(s) of the incident's assignment group. */
  TEAM_LEAD,
  /** The manager(s): of the incident's team, else any. */
  MANAGER,
  /** Senior management. */
  SENIOR_MANAGER,
  /** One named user (the rule gives the id). */
  USER
}
