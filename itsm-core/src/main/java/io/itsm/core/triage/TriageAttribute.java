package io.itsm.core.triage;

/** The attributes of an incident that triage decides. */
public enum TriageAttribute {
  /** The category code. */
  CATEGORY,
  /** The subcategory code. */
  SUBCATEGORY,
  /** The impact: HIGH, MEDIUM or LOW. */
  IMPACT,
  /** The urgency: HIGH, MEDIUM or LOW. */
  URGENCY,
  /** The priority: P1 to P5. */
  PRIORITY,
  /** The assignment group. */
  TEAM,
  /** The support level: L1, L2, L3 or VENDOR. */
  SUPPORT_LEVEL,
  /** Whether resolving needs a manager's approval: true or false. */
  APPROVAL_REQUIRED,
  /** A tag; several may be decided. */
  TAG
}
