package io.itsm.core.lifecycle;

/**
 * The commands of the incident lifecycle. Which are legal in which {@linkplain
 * io.itsm.core.incident.Status state}, and where they lead, is the {@link Lifecycle} table.
 */
public enum Command {
  /** Set category and subcategory. */
  CATEGORIZE,
  /** Set impact, urgency and priority. */
  PRIORITIZE,
  /**
   * Assign or reassign to a team, a person and a support level. A NEW incident becomes ASSIGNED;
   * in every other state that allows it the state (and an on-hold reason) stays: a reassignment
   * while work is under way, or a correction of who resolved a RESOLVED incident.
   */
  ASSIGN,
  /** The assignee starts working. */
  START_WORK,
  /** Add a public comment or an internal work note. */
  COMMENT,
  /** Put on hold, or change the on-hold reason. */
  PUT_ON_HOLD,
  /** Resume work after a hold. */
  RESUME,
  /** Escalate functionally or hierarchically. */
  ESCALATE,
  /** Link to another record. */
  LINK,
  /** Propose a resolution: resolves, or asks for approval when one is required. */
  PROPOSE_RESOLUTION,
  /** An approver decides a pending resolution approval. */
  DECIDE_APPROVAL,
  /** A pending approval passes its due time. */
  EXPIRE_APPROVAL,
  /** The caller accepts the resolution. */
  CONFIRM_RESOLUTION,
  /** The caller rejects the resolution: the incident is reopened. */
  REJECT_RESOLUTION,
  /** The caller did not answer within the auto-close period. */
  AUTO_CLOSE,
  /** An agent closes a resolved incident. */
  CLOSE,
  /**
   * A team lead closes an open incident without a resolution (a duplicate, raised in error, no
   * answer from the user), with a close code.
   */
  CLOSE_WITHOUT_RESOLUTION,
  /**
   * The caller (or an agent for them) reopens a CLOSED incident; the desk allows it only within
   * its reopen window ({@code ServiceDesk.Builder#reopenClosedWithin}), off by default.
   */
  REOPEN,
  /** Cancel an open incident. */
  CANCEL,
  /**
   * Record that an SLA clock reached a threshold or was breached ({@code tick} only). Allowed in
   * every state that is not final; never changes the state.
   */
  RECORD_SLA
}
