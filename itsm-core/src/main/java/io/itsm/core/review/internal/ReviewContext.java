package io.itsm.core.review.internal;

import io.itsm.core.ServiceDesk;
import io.itsm.core.StaleRecordException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.improvement.internal.RecordWriter;
import io.itsm.core.kernel.internal.FailureLog;
import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.review.ActionEscalationPolicy;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.PreventiveActionHistory;
import io.itsm.core.review.PreventiveActionListener;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewHistory;
import io.itsm.core.review.ReviewListener;
import io.itsm.core.review.ReviewPolicy;
import io.itsm.core.review.ReviewRepository;
import io.itsm.core.review.Reviews;
import io.itsm.core.sla.BusinessCalendar;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings and stores one {@link Reviews} works with, shared by its parts: the desk, clock,
 * access policy, id suppliers, repositories, policies and the two record writers.
 *
 * @param desk the desk whose incidents are reviewed
 * @param clock the clock
 * @param accessPolicy the access policy
 * @param reviewIds makes review ids
 * @param actionIds makes preventive action ids
 * @param reviews where reviews are kept
 * @param actions where preventive actions are kept
 * @param policy decides when a review is required
 * @param approvalTerms who approves reviews
 * @param escalation the escalation ladder of overdue actions
 * @param calendar the calendar business time is counted on, if set
 * @param closeWhenActionsDone whether approved reviews close when their last action finishes
 * @param reviewWriter writes review events and tells the review listeners
 * @param actionWriter writes action events and tells the action listeners
 */
public record ReviewContext(ServiceDesk desk, Clock clock, AccessPolicy accessPolicy,
    Supplier<String> reviewIds, Supplier<String> actionIds, ReviewRepository reviews,
    PreventiveActionRepository actions, ReviewPolicy policy, ApprovalTerms approvalTerms,
    ActionEscalationPolicy escalation, Optional<BusinessCalendar> calendar,
    boolean closeWhenActionsDone, RecordWriter<PostIncidentReview, ReviewEvent> reviewWriter,
    RecordWriter<PreventiveAction, PreventiveActionEvent> actionWriter) {

  /** The log of {@link Reviews}, shared by its parts. */
  static final Logger LOG = LoggerFactory.getLogger(Reviews.class);

  /** Rate-limited warnings of failed automatic steps. */
  static final FailureLog FAILURES = new FailureLog(LOG);

  /**
   * Makes the context with its two record writers.
   *
   * @param desk the desk
   * @param clock the clock
   * @param accessPolicy the access policy
   * @param reviewIds makes review ids
   * @param actionIds makes action ids
   * @param reviews the review repository
   * @param actions the action repository
   * @param policy the review policy
   * @param approvalTerms the approval terms
   * @param escalation the action escalation policy
   * @param calendar the calendar, if set
   * @param closeWhenActionsDone whether reviews close by themselves
   * @param reviewListeners who hears every stored review event
   * @param actionListeners who hears every stored action event
   * @return the context
   */
  public static ReviewContext of(ServiceDesk desk, Clock clock, AccessPolicy accessPolicy,
      Supplier<String> reviewIds, Supplier<String> actionIds, ReviewRepository reviews,
      PreventiveActionRepository actions, ReviewPolicy policy, ApprovalTerms approvalTerms,
      ActionEscalationPolicy escalation, Optional<BusinessCalendar> calendar,
      boolean closeWhenActionsDone, List<ReviewListener> reviewListeners,
      List<PreventiveActionListener> actionListeners) {
    RecordWriter<PostIncidentReview, ReviewEvent> reviewWriter = new RecordWriter<>(
        "post-incident review", new RecordWriter.Store<>() {
          @Override
          public Optional<PostIncidentReview> find(String id) {
            return reviews.find(id);
          }

          @Override
          public void append(long v, List<ReviewEvent> events, PostIncidentReview state) {
            reviews.append(v, events, state);
          }
        }, ReviewHistory::apply, PostIncidentReview::version, PostIncidentReview::updatedAt,
        new OrderedDelivery<ReviewListener, ReviewEvent, PostIncidentReview>(reviewListeners,
            ReviewListener::onEvent, e -> e.type() + " #" + e.sequence() + " of " + e.reviewId()),
        "find reviews with Reviews.find(actor, ReviewQuery.all())");
    RecordWriter<PreventiveAction, PreventiveActionEvent> actionWriter = new RecordWriter<>(
        "preventive action", new RecordWriter.Store<>() {
          @Override
          public Optional<PreventiveAction> find(String id) {
            return actions.find(id);
          }

          @Override
          public void append(long v, List<PreventiveActionEvent> events,
              PreventiveAction state) {
            actions.append(v, events, state);
          }
        }, PreventiveActionHistory::apply, PreventiveAction::version, PreventiveAction::updatedAt,
        new OrderedDelivery<PreventiveActionListener, PreventiveActionEvent, PreventiveAction>(
            actionListeners, PreventiveActionListener::onEvent,
            e -> e.type() + " #" + e.sequence() + " of " + e.actionId()),
        "find actions with Reviews.findActions(actor, ActionQuery.open())");
    return new ReviewContext(desk, clock, accessPolicy, reviewIds, actionIds, reviews, actions,
        policy, approvalTerms, escalation, calendar, closeWhenActionsDone, reviewWriter,
        actionWriter);
  }

  /**
   * Checks that an actor may read reviews.
   *
   * @param actor who asks
   * @throws io.itsm.core.access.AccessDeniedException if the actor lacks {@link
   *     Permission#VIEW_ALL}
   */
  void checkView(Actor actor) {
    accessPolicy.check(Objects.requireNonNull(actor, "actor"), Permission.VIEW_ALL,
        Optional.empty());
  }

  /**
   * Fails when a review changed since it was seen.
   *
   * @param cur the review now
   * @param seen the review as seen
   * @throws StaleRecordException if the versions differ
   */
  static void requireUnchanged(PostIncidentReview cur, PostIncidentReview seen) {
    if (cur.version() != seen.version()) {
      throw new StaleRecordException("post-incident review", cur.id(), seen.version(),
          cur.version());
    }
  }
}
