package io.itsm.core.access;

/**
 * The roles of people who use a service desk, from the person who reports a problem to the
 * administrator of the tool. Which {@link Permission}s a role grants is configured in a {@link
 * RoleBasedAccessPolicy}.
 */
public enum Role {
  /** Reports incidents and requests, follows and confirms their own tickets. */
  END_USER,
  /** First-line service-desk agent. */
  AGENT,
  /** Second- or third-line specialist. */
  SPECIALIST,
  /** Leads a support team; approves within the team. */
  TEAM_LEAD,
  /** Manager; approves resolutions of major and security incidents. */
  MANAGER,
  /** Senior management; approves incident reports. */
  SENIOR_MANAGER,
  /** Administers the desk; may act for any team. */
  ADMIN,
  /**
   * Reviews knowledge articles: publishes (by approving their review) and retires them. Usually
   * held besides another role, such as AGENT.
   */
  KNOWLEDGE_REVIEWER
}
