package io.itsm.core.access;

/**
 * What an {@link Actor} may do. Permissions ending in {@code _OWN} apply only to incidents the
 * actor reported (the actor is the incident's caller); {@link #WORK} applies only to incidents
 * assigned to one of the actor's teams unless the actor also holds {@link #WORK_ANY_TEAM}.
 */
public enum Permission {
  /** Log a new incident or service request. */
  LOG,
  /** See incidents one reported. */
  VIEW_OWN,
  /** See every incident. */
  VIEW_ALL,
  /** Add a public comment to an incident one reported. */
  COMMENT_OWN,
  /** Add a public comment to any incident. */
  COMMENT,
  /** Add an internal work note, which the caller does not see. */
  WORK_NOTE,
  /** Set category and subcategory by hand. */
  CATEGORIZE,
  /** Set impact, urgency and priority by hand. */
  PRIORITIZE,
  /** Assign or reassign an incident to a team, an assignee and a support level. */
  ASSIGN,
  /** Start work, put on hold, resume and propose a resolution, for one's own teams' incidents. */
  WORK,
  /** {@link #WORK} on incidents of any team. */
  WORK_ANY_TEAM,
  /**
   * Resolve a NEW, unassigned incident at first contact (the service desk's first line, on the
   * phone or at the counter), without assigning it first; recorded as a first-contact resolution.
   */
  RESOLVE_AT_FIRST_CONTACT,
  /** Decide an approval one is an approver of. */
  DECIDE_APPROVAL,
  /**
   * Confirm or reject the resolution of an incident one reported, and reopen it once closed
   * (within the desk's reopen window).
   */
  CONFIRM_OWN,
  /** {@link #CONFIRM_OWN} on the caller's behalf (recorded as such). */
  CONFIRM_ON_BEHALF,
  /**
   * Close a resolved incident without the caller's answer, and close an open incident without a
   * resolution (with a close code).
   */
  CLOSE,
  /** Cancel an incident one reported while it is open. */
  CANCEL_OWN,
  /** Cancel any open incident. */
  CANCEL,
  /** Link incidents (parent/child, duplicate, related problem). */
  LINK,
  /** Escalate functionally or hierarchically. */
  ESCALATE,
  /**
   * Log problems, link incidents to them, investigate, record root cause and workaround, declare
   * a known error, resolve and close problems (problem management).
   */
  PROBLEM_MANAGE,
  /**
   * Open post-incident reviews, record their findings and plan preventive actions, submit them
   * for approval, close and cancel them. Approving a review needs {@link #DECIDE_APPROVAL} and
   * being an approver of it (by default any senior manager).
   */
  REVIEW_MANAGE,
  /**
   * Reassign, reschedule and cancel any preventive action. An action's owner updates their own
   * action (start, link, reschedule, complete) without it.
   */
  PREVENTIVE_ACTION_MANAGE,
  /** Answer a satisfaction survey one is asked (as the incident's caller). */
  SURVEY_ANSWER_OWN,
  /** See every satisfaction survey and its answers. */
  SURVEY_VIEW,
  /** Close the follow-up of a survey answer after contacting the caller. */
  SURVEY_FOLLOW_UP,
  /** See configuration items, their relations, history and impact analysis, and change requests. */
  CMDB_READ,
  /**
   * Register, update and retire configuration items and their relations directly, without a change
   * request; import a CMDB backup. The CMDB's administrators hold it.
   */
  CMDB_UPDATE,
  /** Request a change to configuration items (approved by the change advisory board). */
  CHANGE_REQUEST,
  /** Implement an approved change: start, complete, verify (which applies its CI updates), fail. */
  CHANGE_IMPLEMENT,
  /** Draft, revise and submit announcements for approval; see drafts and archived announcements. */
  ANNOUNCEMENT_DRAFT,
  /** Publish an approved announcement, update it while it lasts, end, archive and cancel it. */
  ANNOUNCEMENT_PUBLISH,
  /**
   * Read, search and rate published articles of the knowledge base that are meant for end users
   * ({@link io.itsm.core.knowledge.Audience#PUBLIC PUBLIC}).
   */
  KNOWLEDGE_READ_PUBLIC,
  /**
   * Read and search every article (internal ones, drafts, versions in review, retired articles
   * and histories), get suggestions for incidents and record their use.
   */
  KNOWLEDGE_READ,
  /** Draft and edit articles, write them from resolutions and submit them for review. */
  KNOWLEDGE_DRAFT,
  /** Review (publish or reject) and retire articles, and import article histories. */
  KNOWLEDGE_REVIEW
}
