package io.itsm.rules.facts;

import io.itsm.core.event.CloseReason;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Priority;
import io.itsm.core.survey.SurveyCandidate;
import java.time.Duration;
import java.util.Objects;

/**
 * A closed incident as survey rules match it (survey.drl), one per decision: {@code
 * ClosedIncidentFact(priority == Priority.P1)}, {@code ClosedIncidentFact(sampled(10))}. Absent
 * values are {@code null}.
 *
 * <p><b>Sampling.</b> {@link #sampled(int) sampled(n)} is true for one incident in {@code n},
 * chosen by a hash of the incident's id: the same incident always gets the same answer, and a test
 * can tell which ids are sampled ({@link #bucket(String, int)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the incident's id
 * @param callerId its caller's id
 * @param priority its priority, or null
 * @param category its category code, or null
 * @param team its team, or null
 * @param reopenCount how often it was reopened
 * @param closeReason how it was closed
 * @param channel the channel it came in by, or null
 * @param daysSinceCallerSurveyed whole days since its caller was last sent a survey, or -1 if
 *     never
 */
public record ClosedIncidentFact(
    String id,
    String callerId,
    Priority priority,
    String category,
    String team,
    int reopenCount,
    CloseReason closeReason,
    Channel channel,
    long daysSinceCallerSurveyed) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code id} or {@code closeReason} is null
   */
  public ClosedIncidentFact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(closeReason, "closeReason");
  }

  /**
   * The view of a survey candidate.
   *
   * @param c the candidate
   * @return the fact
   */
  public static ClosedIncidentFact of(SurveyCandidate c) {
    Objects.requireNonNull(c, "candidate");
    long days = c.callerLastSurveyedAt()
        .map(at -> Duration.between(at, c.closedAt()).toDays()).orElse(-1L);
    return new ClosedIncidentFact(c.incidentId(), c.callerId().orElse(null),
        c.priority().orElse(null), c.category().orElse(null), c.team().orElse(null),
        c.reopenCount(), c.closeReason(), c.channel().orElse(null), days);
  }

  /**
   * Tells whether this incident is in a one-in-{@code n} sample.
   *
   * @param n the sample's size, 1 or more (1: every incident)
   * @return {@code true} if {@code bucket(id, n) == 0}
   */
  public boolean sampled(int n) {
    return bucket(id, n) == 0;
  }

  /**
   * The sample bucket of an incident id: a hash of the id (its {@link String#hashCode()}, mixed so
   * that consecutive ids spread) modulo {@code n}.
   *
   * @param incidentId the id
   * @param n the number of buckets, 1 or more
   * @return the bucket, from 0 to {@code n - 1}
   * @throws IllegalArgumentException if {@code n} is below 1
   */
  public static int bucket(String incidentId, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a sample of 1 in n needs n >= 1, but was " + n);
    }
    int h = incidentId.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Math.floorMod(h, n);
  }
}
