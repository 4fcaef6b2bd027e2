package io.itsm.rules.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Role;
import io.itsm.core.notification.Audience;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.DeliverySchedule;
import io.itsm.core.notification.DeliveryTiming;
import io.itsm.core.notification.NotificationRequest;
import io.itsm.rules.facts.NotificationDecisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link NotificationDecisions} of one decision: records each request with the firing rule's
 * name and template, or the last scheduling decision.
 *
 * <p>Not thread-safe: one per decision.
 */
public final class NotifyLog implements NotificationDecisions, FiringLog {

  private final Map<String, String> templates;
  private final List<NotificationRequest> requests = new ArrayList<>();
  private DeliverySchedule schedule;
  private String rule;

  /**
   * Creates a log.
   *
   * @param templates the template of each rule that has one, by rule name
   */
  public NotifyLog(Map<String, String> templates) {
    this.templates = templates;
  }

  @Override
  public void begin(String rule, String file, int precedence) {
    this.rule = rule;
  }

  @Override
  public void end() {
    this.rule = null;
  }

  @Override
  public void caller(String reason) {
    tell(Audience.CALLER, Optional.empty(), Optional.empty(), reason, "caller");
  }

  @Override
  public void assignee(String reason) {
    tell(Audience.ASSIGNEE, Optional.empty(), Optional.empty(), reason, "assignee");
  }

  @Override
  public void team(String reason) {
    tell(Audience.TEAM, Optional.empty(), Optional.empty(), reason, "team");
  }

  @Override
  public void role(Role role, String reason) {
    Objects.requireNonNull(role, "role");
    Audience a = switch (role) {
      case TEAM_LEAD -> Audience.TEAM_LEAD;
      case MANAGER -> Audience.MANAGER;
      case SENIOR_MANAGER -> Audience.SENIOR_MANAGER;
      default -> throw new ValidationException("notify.role(...) in rule '" + rule
          + "' takes TEAM_LEAD, MANAGER or SENIOR_MANAGER, but was " + role);
    };
    tell(a, Optional.empty(), Optional.empty(), reason, "role");
  }

  @Override
  public void user(String userId, String reason) {
    Objects.requireNonNull(userId, "userId");
    tell(Audience.USER, Optional.of(userId), Optional.empty(), reason, "user");
  }

  @Override
  public void callerOn(DeliveryChannel channel, String reason) {
    tell(Audience.CALLER, Optional.empty(), Optional.of(Objects.requireNonNull(channel, "channel")), reason,
        "callerOn");
  }

  private void tell(Audience a, Optional<String> user, Optional<DeliveryChannel> channel, String reason,
      String method) {
    Objects.requireNonNull(reason, "reason");
    String r = firing(method);
    String template = templates.get(r);
    if (template == null) {
      throw new IllegalStateException("notify." + method + "(...) in rule '" + r + "' needs the rule to name"
          + " its template: @template(\"name\")");
    }
    requests.add(new NotificationRequest(a, user, channel, template, r, reason));
  }

  @Override
  public void deliverAt(Instant at, String reason) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    schedule = new DeliverySchedule(DeliveryTiming.LATER, Optional.of(at), Optional.of(firing("deliverAt")), reason);
  }

  @Override
  public void digest(String reason) {
    Objects.requireNonNull(reason, "reason");
    schedule = new DeliverySchedule(DeliveryTiming.DIGEST, Optional.empty(), Optional.of(firing("digest")), reason);
  }

  private String firing(String method) {
    if (rule == null) {
      throw new IllegalStateException("notify." + method + "(...) may only be called from a rule consequence");
    }
    return rule;
  }

  /**
   * Returns the requests, in the order the rules made them.
   *
   * @return an immutable list
   */
  public List<NotificationRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Returns the last scheduling decision, or at once when none was made.
   *
   * @return the schedule
   */
  public DeliverySchedule schedule() {
    return schedule == null ? DeliverySchedule.now() : schedule;
  }
}
