package io.itsm.core.event;

/** The two kinds of escalation of ITIL. */
public enum EscalationKind {
  /** To another support level or team (second line, third line, a vendor). */
  FUNCTIONAL,
  /** Up the management line: a team lead, manager or senior manager is notified. */
  HIERARCHICAL
}
