package io.itsm.core.announcement;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.ApprovalStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rebuilds an announcement's state from its events.
 *
 * <p>Stateless and thread-safe.
 */
public final class AnnouncementHistory {

  private AnnouncementHistory() {}

  /**
   * Applies one event to a state.
   *
   * @param state the state before, or {@code null} before the first event
   * @param e the event
   * @return the state after
   * @throws ValidationException if the event does not fit (sequence, first event, announcement)
   */
  public static Announcement apply(Announcement state, AnnouncementEvent e) {
    Objects.requireNonNull(e, "event");
    long expected = state == null ? 1 : state.version() + 1;
    if (e.sequence() != expected) {
      throw new ValidationException("event " + e.type() + " of " + e.announcementId()
          + " must have sequence " + expected + ", but had " + e.sequence());
    }
    if (state == null) {
      if (!(e instanceof AnnouncementDrafted d)) {
        throw new ValidationException("the history of announcement " + e.announcementId()
            + " must start with AnnouncementDrafted, but started with " + e.type());
      }
      return new Announcement(d.announcementId(), d.content(), d.reach(), AnnouncementStatus.DRAFT,
          List.of(new AnnouncementRevision(1, d.at(), d.actor(), "drafted")), Optional.empty(),
          Duration.ZERO, d.actor(), d.at(), d.at(), Optional.empty(), Optional.empty(), List.of(),
          List.of(), 1);
    }
    if (!e.announcementId().equals(state.id())) {
      throw new ValidationException("event " + e.type() + " is of announcement " + e.announcementId()
          + ", not " + state.id());
    }
    Announcement next;
    if (e instanceof AnnouncementDrafted) {
      throw new ValidationException("announcement " + state.id() + " is already drafted");
    } else if (e instanceof AnnouncementRevised r) {
      List<AnnouncementRevision> revs = new ArrayList<>(state.revisions());
      revs.add(new AnnouncementRevision(r.revision(), r.at(), r.actor(), r.whatChanged()));
      next = state.with(r.content(), r.reach(), revs);
    } else if (e instanceof AnnouncementSubmitted s) {
      next = state.withApproval(s.approval(), s.leadTime()).withStatus(AnnouncementStatus.PENDING_APPROVAL);
    } else if (e instanceof AnnouncementApprovalDecided d) {
      AnnouncementStatus s = d.approval().status() == ApprovalStatus.APPROVED ? AnnouncementStatus.APPROVED
          : d.approval().status() == ApprovalStatus.REJECTED ? AnnouncementStatus.DRAFT
          : AnnouncementStatus.PENDING_APPROVAL;
      next = state.withApproval(d.approval(), state.leadTime()).withStatus(s);
    } else if (e instanceof AnnouncementPublished) {
      next = state.withStatus(AnnouncementStatus.PUBLISHED).withPublishedAt(e.at());
    } else if (e instanceof AnnouncementEnded) {
      next = state.withStatus(AnnouncementStatus.ENDED).withEndedAt(e.at());
    } else if (e instanceof AnnouncementArchived) {
      next = state.withStatus(AnnouncementStatus.ARCHIVED);
    } else if (e instanceof AnnouncementCancelled) {
      next = state.withStatus(AnnouncementStatus.CANCELLED);
    } else if (e instanceof FeedbackGiven f) {
      next = state.withFeedback(f.feedback());
    } else {
      next = state.withLinkedIncident(((IncidentLinked) e).incidentId());
    }
    return next.touched(e.at(), e.sequence());
  }

  /**
   * Rebuilds a state from a whole history.
   *
   * @param events the events, oldest first; not empty
   * @return the state after the last
   * @throws ValidationException if the history is empty or an event does not fit
   */
  public static Announcement replay(List<? extends AnnouncementEvent> events) {
    if (Objects.requireNonNull(events, "events").isEmpty()) {
      throw new ValidationException("an announcement's history must not be empty");
    }
    Announcement state = null;
    for (AnnouncementEvent e : events) {
      state = apply(state, e);
    }
    return state;
  }
}
