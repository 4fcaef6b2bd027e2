package io.itsm.core.announcement;

/**
 * Where an announcement stands.
 *
 * <pre>
 * DRAFT ─submit→ PENDING_APPROVAL ─approve→ APPROVED ─publish→ PUBLISHED ─end→ ENDED ─archive→ ARCHIVED
 *   ↑                 │ reject (back to DRAFT)                  (revise: DRAFT, PUBLISHED)
 *   └─────────────────┘        cancel: DRAFT, PENDING_APPROVAL, APPROVED → CANCELLED
 * </pre>
 */
public enum AnnouncementStatus {
  /** Being written; only people who draft announcements see it. */
  DRAFT,
  /** Submitted; waiting for approval. */
  PENDING_APPROVAL,
  /** Approved; may be published. */
  APPROVED,
  /** Published: users see it, tickets about its services are linked to it once its window starts. */
  PUBLISHED,
  /** The event is over; users were told. */
  ENDED,
  /** Filed in the searchable archive. Final. */
  ARCHIVED,
  /** Withdrawn before publishing. Final. */
  CANCELLED;

  /**
   * Tells whether the announcement still takes part in overlap checks and can change.
   *
   * @return {@code false} for ENDED, ARCHIVED and CANCELLED
   */
  public boolean isOpen() {
    return this != ENDED && this != ARCHIVED && this != CANCELLED;
  }
}
