package io.itsm.core.announcement;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of an announcement's content: its number, when, by whom, and what changed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the revision, from 1 (the first draft)
 * @param at when
 * @param actor who
 * @param whatChanged what changed, in a sentence ("window extended to 14:00")
 */
public record AnnouncementRevision(int number, Instant at, String actor, String whatChanged) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AnnouncementRevision {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(whatChanged, "whatChanged");
  }
}
