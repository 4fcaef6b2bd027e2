package io.itsm.core.sla;

import io.itsm.core.ValidationException;
import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The service-level agreement of a desk: which {@link SlaTargets} apply to an incident, which
 * on-hold reasons pause the clock, and which priority an incident without one is measured by.
 * {@link SlaClock} applies it to an incident's history.
 *
 * <pre>{@code
 * SlaPolicy policy = SlaPolicy.builder()
 *     .forCustomer("finance", goldTargets)          // caller's department
 *     .forService("email", emailTargets)
 *     .forCategory("security", securityTargets)
 *     .pauseOn(OnHoldReason.AWAITING_USER, OnHoldReason.AWAITING_VENDOR)
 *     .build();
 * }</pre>
 *
 * <p><b>Which targets apply</b> — the first that gives an answer, most specific first:
 *
 * <ol>
 *   <li>the {@link SlaSelector}, if one is set (for example a rule engine);
 *   <li>the targets of the caller's department ({@link Builder#forCustomer}: a customer's agreement is
 *       negotiated for that customer and beats the general service levels);
 *   <li>the targets of the incident's service ({@link Builder#forService});
 *   <li>the targets of the incident's category ({@link Builder#forCategory});
 *   <li>the default targets ({@link SlaTargets#defaults()} unless set).
 * </ol>
 *
 * <p>The choice is made on the incident as it is at evaluation time and applied from the start:
 * recategorizing an incident changes its targets retroactively, exactly like a priority change.
 *
 * <p><b>Business days.</b> The default targets count P3–P5 on {@link
 * #DEFAULT_BUSINESS_CALENDAR}, Monday to Friday 08:00–17:00 UTC, where a business day is {@link
 * #BUSINESS_DAY} (9 hours): "1 business day" is 9 hours of working time on it.
 *
 * <p>Immutable and thread-safe, provided the selector is.
 */
public final class SlaPolicy {

  /** The office calendar of the default targets: Monday to Friday 08:00–17:00 UTC, no holidays. */
  public static final BusinessCalendar DEFAULT_BUSINESS_CALENDAR =
      BusinessCalendar.builder("office-utc", ZoneId.of("UTC"))
          .weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0))
          .build();

  /** One business day of {@link #DEFAULT_BUSINESS_CALENDAR}: 9 hours of working time. */
  public static final Duration BUSINESS_DAY = Duration.ofHours(9);

  /** The on-hold reasons that pause the clock by default: waiting for the user only. */
  public static final Set<OnHoldReason> DEFAULT_PAUSE_REASONS =
      Collections.unmodifiableSet(EnumSet.of(OnHoldReason.AWAITING_USER));

  /** The priority an incident without one is measured by, by default. */
  public static final Priority DEFAULT_PRIORITY = Priority.P3;

  private final SlaTargets defaultTargets;
  private final Map<String, SlaTargets> byCustomer;
  private final Map<String, SlaTargets> byService;
  private final Map<String, SlaTargets> byCategory;
  private final Optional<SlaSelector> selector;
  private final Set<OnHoldReason> pauseReasons;
  private final Priority defaultPriority;

  private SlaPolicy(Builder b) {
    this.defaultTargets = b.defaultTargets;
    this.byCustomer = Collections.unmodifiableMap(new LinkedHashMap<>(b.byCustomer));
    this.byService = Collections.unmodifiableMap(new LinkedHashMap<>(b.byService));
    this.byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(b.byCategory));
    this.selector = Optional.ofNullable(b.selector);
    this.pauseReasons = b.pauseReasons.isEmpty() ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(b.pauseReasons));
    this.defaultPriority = b.defaultPriority;
  }

  /**
   * Returns the default policy: {@link SlaTargets#defaults()} for every incident, paused while
   * {@link OnHoldReason#AWAITING_USER}, {@link #DEFAULT_PRIORITY} for incidents without a priority.
   *
   * @return the shared default policy
   */
  public static SlaPolicy defaults() {
    return Holder.DEFAULTS;
  }

  /** Built on first use, so that class initialization never sees half-built defaults. */
  private static final class Holder {
    static final SlaPolicy DEFAULTS = builder().build();
  }

  /**
   * Starts configuring a policy; unset parts are as in {@link #defaults()}.
   *
   * @return a new builder, not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Chooses the targets of an incident, in the order given in the class description.
   *
   * @param incident the incident
   * @return the targets
   * @throws NullPointerException if the selector answers null
   */
  public SlaTargets targetsFor(Incident incident) {
    Objects.requireNonNull(incident, "incident");
    if (selector.isPresent()) {
      Optional<SlaTargets> chosen = Objects.requireNonNull(selector.get().select(incident),
          "SlaSelector answer (use Optional.empty())");
      if (chosen.isPresent()) {
        return chosen.get();
      }
    }
    Optional<String> department = incident.caller().flatMap(Caller::department);
    if (department.isPresent() && byCustomer.containsKey(department.get())) {
      return byCustomer.get(department.get());
    }
    if (incident.service().isPresent() && byService.containsKey(incident.service().get())) {
      return byService.get(incident.service().get());
    }
    if (incident.category().isPresent() && byCategory.containsKey(incident.category().get())) {
      return byCategory.get(incident.category().get());
    }
    return defaultTargets;
  }

  /**
   * Returns the target of one kind for an incident, at its priority (or the default priority).
   *
   * @param incident the incident
   * @param kind response or resolution
   * @return the target
   */
  public SlaTarget targetFor(Incident incident, SlaKind kind) {
    return targetsFor(incident).target(kind, incident.priority().orElse(defaultPriority));
  }

  /**
   * Tells whether being on hold for a reason pauses the clock.
   *
   * @param reason the on-hold reason
   * @return {@code true} if it pauses
   */
  public boolean pauses(OnHoldReason reason) {
    return pauseReasons.contains(Objects.requireNonNull(reason, "reason"));
  }

  /**
   * Returns the on-hold reasons that pause the clock.
   *
   * @return an immutable set, maybe empty
   */
  public Set<OnHoldReason> pauseReasons() {
    return pauseReasons;
  }

  /**
   * Returns the priority incidents without one are measured by.
   *
   * @return the priority
   */
  public Priority defaultPriority() {
    return defaultPriority;
  }

  /**
   * Returns the targets used when nothing more specific applies.
   *
   * @return the default targets
   */
  public SlaTargets defaultTargets() {
    return defaultTargets;
  }

  /**
   * Returns a short description.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "SlaPolicy[default " + defaultTargets.name() + ", customers " + byCustomer.keySet()
        + ", services " + byService.keySet() + ", categories " + byCategory.keySet()
        + ", pauses on " + pauseReasons + ", unprioritized as " + defaultPriority + "]";
  }

  /** Configures an {@link SlaPolicy}. Not thread-safe. */
  public static final class Builder {
    private SlaTargets defaultTargets = SlaTargets.defaults();
    private final Map<String, SlaTargets> byCustomer = new LinkedHashMap<>();
    private final Map<String, SlaTargets> byService = new LinkedHashMap<>();
    private final Map<String, SlaTargets> byCategory = new LinkedHashMap<>();
    private SlaSelector selector;
    private Set<OnHoldReason> pauseReasons = EnumSet.copyOf(DEFAULT_PAUSE_REASONS);
    private Priority defaultPriority = DEFAULT_PRIORITY;

    private Builder() {}

    /**
     * Sets the targets used when nothing more specific applies.
     *
     * @param targets the targets; default {@link SlaTargets#defaults()}
     * @return this builder
     */
    public Builder targets(SlaTargets targets) {
      this.defaultTargets = Objects.requireNonNull(targets, "targets");
      return this;
    }

    /**
     * Sets the targets of a customer: incidents whose caller's department is {@code department}.
     *
     * @param department the caller's department, not blank
     * @param targets the targets
     * @return this builder
     * @throws ValidationException if {@code department} is blank
     */
    public Builder forCustomer(String department, SlaTargets targets) {
      byCustomer.put(key("customer department", department), Objects.requireNonNull(targets, "targets"));
      return this;
    }

    /**
     * Sets the targets of a service: incidents whose {@link Incident#service()} is {@code service}.
     *
     * @param service the service, not blank
     * @param targets the targets
     * @return this builder
     * @throws ValidationException if {@code service} is blank
     */
    public Builder forService(String service, SlaTargets targets) {
      byService.put(key("service", service), Objects.requireNonNull(targets, "targets"));
      return this;
    }

    /**
     * Sets the targets of a category: incidents whose {@link Incident#category()} is {@code
     * category}.
     *
     * @param category the category code, not blank
     * @param targets the targets
     * @return this builder
     * @throws ValidationException if {@code category} is blank
     */
    public Builder forCategory(String category, SlaTargets targets) {
      byCategory.put(key("category", category), Objects.requireNonNull(targets, "targets"));
      return this;
    }

    private static String key(String what, String value) {
      Objects.requireNonNull(value, what);
      if (value.isBlank()) {
        throw new ValidationException(what + " must not be blank, but was '" + value + "'");
      }
      return value;
    }

    /**
     * Sets a selector consulted before every other choice.
     *
     * @param selector the selector
     * @return this builder
     */
    public Builder selector(SlaSelector selector) {
      this.selector = Objects.requireNonNull(selector, "selector");
      return this;
    }

    /**
     * Sets the on-hold reasons that pause the clock, replacing the default {@link
     * #DEFAULT_PAUSE_REASONS}. No reasons: holds never pause the clock.
     *
     * @param reasons the reasons
     * @return this builder
     */
    public Builder pauseOn(OnHoldReason... reasons) {
      Objects.requireNonNull(reasons, "reasons");
      Set<OnHoldReason> set = EnumSet.noneOf(OnHoldReason.class);
      for (OnHoldReason r : reasons) {
        set.add(Objects.requireNonNull(r, "reason"));
      }
      this.pauseReasons = set;
      return this;
    }

    /**
     * Sets the priority incidents without one are measured by.
     *
     * @param priority the priority; default {@link #DEFAULT_PRIORITY}
     * @return this builder
     */
    public Builder defaultPriority(Priority priority) {
      this.defaultPriority = Objects.requireNonNull(priority, "priority");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public SlaPolicy build() {
      return new SlaPolicy(this);
    }
  }
}
