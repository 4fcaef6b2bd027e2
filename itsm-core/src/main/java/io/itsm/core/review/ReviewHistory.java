package io.itsm.core.review;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a review from its events, checking that each is legal in the state it finds. {@link
 * Reviews} computes every new state this way.
 *
 * <p>The legal moves: a DRAFT is assembled, its findings recorded and actions planned or dropped,
 * then submitted (→ PENDING_APPROVAL) or cancelled (→ CANCELLED); an approver's decision that
 * rejects returns it to DRAFT, one that approves is followed by {@link ReviewApproved} (→
 * APPROVED); an expired approval returns it to DRAFT; an APPROVED review is closed (→ CLOSED).
 *
 * <p>Stateless and thread-safe.
 */
public final class ReviewHistory {

  private ReviewHistory() {}

  /**
   * Rebuilds a review from its whole history.
   *
   * @param events the history, oldest first, starting with {@link ReviewOpened}
   * @return the review after the last event
   * @throws ValidationException if the history is empty or an event does not follow
   */
  public static PostIncidentReview replay(List<? extends ReviewEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new ValidationException("a review history must not be empty: it starts with"
          + " ReviewOpened");
    }
    PostIncidentReview r = null;
    for (ReviewEvent e : events) {
      r = apply(r, e);
    }
    return r;
  }

  /**
   * Applies one event to a review.
   *
   * @param current the review before the event, or {@code null} for the first event
   * @param event the event
   * @return the review after it
   * @throws ValidationException if the event belongs to another review, is out of order, or is
   *     not legal in the review's status
   */
  public static PostIncidentReview apply(PostIncidentReview current, ReviewEvent event) {
    Objects.requireNonNull(event, "event");
    if (current == null) {
      if (!(event instanceof ReviewOpened o)) {
        throw new ValidationException("the history of review " + event.reviewId()
            + " must start with ReviewOpened, but started with " + event.type());
      }
      return new PostIncidentReview(o.reviewId(), o.title(), o.scope(), ReviewStatus.DRAFT,
          o.requiredBy(), o.dueAt(), o.timeline(), o.impact(), Optional.empty(), List.of(),
          List.of(), List.of(), Optional.empty(), List.of(), o.at(), o.at(), 1);
    }
    if (!current.id().equals(event.reviewId())) {
      throw new ValidationException("event " + event.type() + " #" + event.sequence()
          + " belongs to review " + event.reviewId() + ", not to " + current.id());
    }
    if (event.sequence() != current.version() + 1) {
      throw new ValidationException("events out of order for review " + current.id()
          + ": expected sequence " + (current.version() + 1) + ", but was " + event.sequence());
    }
    if (event.at().isBefore(current.updatedAt())) {
      throw new ValidationException("events out of order for review " + current.id() + ": "
          + event.type() + " at " + event.at() + " is before the last change at "
          + current.updatedAt());
    }
    Next n = new Next(current, event.at(), event.sequence());
    if (event instanceof ReviewTimelineAssembled t) {
      require(current, event, ReviewStatus.DRAFT);
      n.timeline = t.timeline();
      n.impact = t.impact();
    } else if (event instanceof ReviewFindingsRecorded f) {
      require(current, event, ReviewStatus.DRAFT);
      n.rootCause = Optional.of(f.rootCause());
      n.factors = f.contributingFactors();
      n.lessons = f.lessons();
    } else if (event instanceof ReviewActionPlanned p) {
      require(current, event, ReviewStatus.DRAFT);
      List<PlannedAction> planned = new ArrayList<>();
      boolean replaced = false;
      for (PlannedAction a : current.plannedActions()) {
        if (a.title().equals(p.action().title())) {
          planned.add(p.action());
          replaced = true;
        } else {
          planned.add(a);
        }
      }
      if (!replaced) {
        planned.add(p.action());
      }
      n.planned = planned;
    } else if (event instanceof ReviewActionDropped d) {
      require(current, event, ReviewStatus.DRAFT);
      if (current.plannedAction(d.title()).isEmpty()) {
        throw new ValidationException("review " + current.id() + " plans no action titled '"
            + d.title() + "'");
      }
      n.planned = current.plannedActions().stream().filter(a -> !a.title().equals(d.title()))
          .toList();
    } else if (event instanceof ReviewSubmitted s) {
      require(current, event, ReviewStatus.DRAFT);
      requireApproval(current, s.approval(), ApprovalStatus.PENDING);
      n.status = ReviewStatus.PENDING_APPROVAL;
      n.approval = Optional.of(s.approval());
    } else if (event instanceof ReviewApprovalDecided d) {
      require(current, event, ReviewStatus.PENDING_APPROVAL);
      n.approval = Optional.of(d.approval());
      if (d.approval().status() == ApprovalStatus.REJECTED) {
        n.status = ReviewStatus.DRAFT;
      } else if (d.approval().status() == ApprovalStatus.EXPIRED) {
        throw new ValidationException("review " + current.id() + ": a decision cannot expire the"
            + " approval; record ReviewApprovalExpired");
      }
    } else if (event instanceof ReviewApproved a) {
      require(current, event, ReviewStatus.PENDING_APPROVAL);
      if (current.approval().map(Approval::status).orElse(null) != ApprovalStatus.APPROVED) {
        throw new ValidationException("review " + current.id() + " can be approved only when its"
            + " approval is APPROVED, but it is "
            + current.approval().map(x -> x.status().name()).orElse("missing"));
      }
      if (a.actionIds().size() != current.plannedActions().size()) {
        throw new ValidationException("review " + current.id() + " plans "
            + current.plannedActions().size() + " actions, but its approval started "
            + a.actionIds().size());
      }
      n.status = ReviewStatus.APPROVED;
      n.actionIds = a.actionIds();
    } else if (event instanceof ReviewApprovalExpired x) {
      require(current, event, ReviewStatus.PENDING_APPROVAL);
      requireApproval(current, x.approval(), ApprovalStatus.EXPIRED);
      n.status = ReviewStatus.DRAFT;
      n.approval = Optional.of(x.approval());
    } else if (event instanceof ReviewClosed) {
      require(current, event, ReviewStatus.APPROVED);
      n.status = ReviewStatus.CLOSED;
    } else if (event instanceof ReviewCancelled) {
      require(current, event, ReviewStatus.DRAFT);
      n.status = ReviewStatus.CANCELLED;
    } else {
      throw new ValidationException("review " + current.id() + " cannot be opened twice: "
          + event.type() + " #" + event.sequence());
    }
    return n.build();
  }

  private static void requireApproval(PostIncidentReview r, Approval a, ApprovalStatus status) {
    if (a.status() != status) {
      throw new ValidationException("review " + r.id() + ": approval " + a.id() + " must be "
          + status + " here, but was " + a.status());
    }
  }

  private static void require(PostIncidentReview r, ReviewEvent e, ReviewStatus... legal) {
    if (!Set.of(legal).contains(r.status())) {
      throw new ValidationException(e.type() + " #" + e.sequence() + " of review " + r.id()
          + " is legal only when " + List.of(legal) + ", but it is " + r.status());
    }
  }

  /** The next state, field by field. */
  private static final class Next {
    final PostIncidentReview r;
    final Instant at;
    final long version;
    ReviewStatus status;
    List<TimelineEntry> timeline;
    ReviewImpact impact;
    Optional<String> rootCause;
    List<String> factors;
    List<String> lessons;
    List<PlannedAction> planned;
    Optional<Approval> approval;
    List<String> actionIds;

    Next(PostIncidentReview r, Instant at, long version) {
      this.r = r;
      this.at = at;
      this.version = version;
      this.status = r.status();
      this.timeline = r.timeline();
      this.impact = r.impact();
      this.rootCause = r.rootCause();
      this.factors = r.contributingFactors();
      this.lessons = r.lessons();
      this.planned = r.plannedActions();
      this.approval = r.approval();
      this.actionIds = r.actionIds();
    }

    PostIncidentReview build() {
      return new PostIncidentReview(r.id(), r.title(), r.scope(), status, r.requiredBy(),
          r.dueAt(), timeline, impact, rootCause, factors, lessons, planned, approval, actionIds,
          r.openedAt(), at, version);
    }
  }
}
