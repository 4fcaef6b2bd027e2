package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.Approval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An incident or service request: the aggregate the desk works on.
 *
 * <p>An {@code Incident} is a snapshot. It never changes; every command of {@link
 * io.itsm.core.ServiceDesk} records {@linkplain io.itsm.core.event.IncidentEvent events} and the
 * new snapshot is the old one with those events applied ({@link
 * io.itsm.core.event.IncidentHistory#replay}). Its {@link #version()} counts the events applied.
 *
 * <p>Immutable and thread-safe.
 */
public final class Incident {
  private final String id;
  private final String externalId;
  private final IncidentType type;
  private final String title;
  private final String description;
  private final Channel channel;
  private final Caller caller;
  private final int affectedUsers;
  private final String service;
  private final String configurationItem;
  private final List<String> errorCodes;
  private final List<String> stepsTried;
  private final List<String> attachments;
  private final String category;
  private final String subcategory;
  private final Impact impact;
  private final Urgency urgency;
  private final Priority priority;
  private final Assignment assignment;
  private final Status status;
  private final OnHoldReason onHoldReason;
  private final Resolution resolution;
  private final boolean approvalRequired;
  private final Approval approval;
  private final Instant openedAt;
  private final Instant updatedAt;
  private final int reopenCount;
  private final int reassignmentCount;
  private final List<Link> links;
  private final Set<String> tags;
  private final Map<String, String> attributes;
  private final long version;

  private Incident(Builder b) {
    this.id = b.id;
    this.externalId = b.externalId;
    this.type = b.type;
    this.title = b.title;
    this.description = b.description;
    this.channel = b.channel;
    this.caller = b.caller;
    this.affectedUsers = b.affectedUsers;
    this.service = b.service;
    this.configurationItem = b.configurationItem;
    this.errorCodes = b.errorCodes;
    this.stepsTried = b.stepsTried;
    this.attachments = b.attachments;
    this.category = b.category;
    this.subcategory = b.subcategory;
    this.impact = b.impact;
    this.urgency = b.urgency;
    this.priority = b.priority;
    this.assignment = b.assignment;
    this.status = b.status;
    this.onHoldReason = b.onHoldReason;
    this.resolution = b.resolution;
    this.approvalRequired = b.approvalRequired;
    this.approval = b.approval;
    this.openedAt = b.openedAt;
    this.updatedAt = b.updatedAt;
    this.reopenCount = b.reopenCount;
    this.reassignmentCount = b.reassignmentCount;
    this.links = b.links;
    this.tags = b.tags;
    this.attributes = b.attributes;
    this.version = b.version;
  }

  /**
   * Starts an empty builder. The desk and repositories use it; applications normally get
   * incidents from {@link io.itsm.core.ServiceDesk}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this incident's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.externalId = externalId;
    b.type = type;
    b.title = title;
    b.description = description;
    b.channel = channel;
    b.caller = caller;
    b.affectedUsers = affectedUsers;
    b.service = service;
    b.configurationItem = configurationItem;
    b.errorCodes = errorCodes;
    b.stepsTried = stepsTried;
    b.attachments = attachments;
    b.category = category;
    b.subcategory = subcategory;
    b.impact = impact;
    b.urgency = urgency;
    b.priority = priority;
    b.assignment = assignment;
    b.status = status;
    b.onHoldReason = onHoldReason;
    b.resolution = resolution;
    b.approvalRequired = approvalRequired;
    b.approval = approval;
    b.openedAt = openedAt;
    b.updatedAt = updatedAt;
    b.reopenCount = reopenCount;
    b.reassignmentCount = reassignmentCount;
    b.links = links;
    b.tags = tags;
    b.attributes = attributes;
    b.version = version;
    return b;
  }

  /**
   * Returns the desk's id, for example {@code INC-000123}.
   *
   * @return the desk's id, for example {@code INC-000123}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the id in the system the ticket came from.
   *
   * @return the id in the system the ticket came from, or empty
   */
  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  /**
   * Returns incident or service request.
   *
   * @return incident or service request
   */
  public IncidentType type() {
    return type;
  }

  /**
   * Returns the one-line summary.
   *
   * @return the one-line summary
   */
  public String title() {
    return title;
  }

  /**
   * Returns the full description; empty when none.
   *
   * @return the full description
   */
  public String description() {
    return description;
  }

  /**
   * Returns how the ticket reached the desk.
   *
   * @return how the ticket reached the desk, or empty
   */
  public Optional<Channel> channel() {
    return Optional.ofNullable(channel);
  }

  /**
   * Returns who reported it.
   *
   * @return who reported it, or empty
   */
  public Optional<Caller> caller() {
    return Optional.ofNullable(caller);
  }

  /**
   * Returns how many users are affected.
   *
   * @return how many users are affected
   */
  public int affectedUsers() {
    return affectedUsers;
  }

  /**
   * Returns the affected business service.
   *
   * @return the affected business service, or empty
   */
  public Optional<String> service() {
    return Optional.ofNullable(service);
  }

  /**
   * Returns the affected configuration item.
   *
   * @return the affected configuration item, or empty
   */
  public Optional<String> configurationItem() {
    return Optional.ofNullable(configurationItem);
  }

  /**
   * Returns error codes or messages the user saw.
   *
   * @return error codes or messages the user saw
   */
  public List<String> errorCodes() {
    return errorCodes;
  }

  /**
   * Returns what the user already tried.
   *
   * @return what the user already tried
   */
  public List<String> stepsTried() {
    return stepsTried;
  }

  /**
   * Returns references to attachments.
   *
   * @return references to attachments
   */
  public List<String> attachments() {
    return attachments;
  }

  /**
   * Returns the category code, for example {@code network}.
   *
   * @return the category code, for example {@code network}, or empty
   */
  public Optional<String> category() {
    return Optional.ofNullable(category);
  }

  /**
   * Returns the subcategory code, for example {@code vpn}.
   *
   * @return the subcategory code, for example {@code vpn}, or empty
   */
  public Optional<String> subcategory() {
    return Optional.ofNullable(subcategory);
  }

  /**
   * Returns the impact.
   *
   * @return the impact, or empty
   */
  public Optional<Impact> impact() {
    return Optional.ofNullable(impact);
  }

  /**
   * Returns the urgency.
   *
   * @return the urgency, or empty
   */
  public Optional<Urgency> urgency() {
    return Optional.ofNullable(urgency);
  }

  /**
   * Returns the priority.
   *
   * @return the priority, or empty
   */
  public Optional<Priority> priority() {
    return Optional.ofNullable(priority);
  }

  /**
   * Returns the team, assignee and support level.
   *
   * @return the team, assignee and support level, or empty
   */
  public Optional<Assignment> assignment() {
    return Optional.ofNullable(assignment);
  }

  /**
   * Returns the lifecycle state.
   *
   * @return the lifecycle state
   */
  public Status status() {
    return status;
  }

  /**
   * Returns why it is on hold; present only while {@link Status#ON_HOLD}.
   *
   * @return why it is on hold, or empty
   */
  public Optional<OnHoldReason> onHoldReason() {
    return Optional.ofNullable(onHoldReason);
  }

  /**
   * Returns the proposed or accepted resolution.
   *
   * @return the proposed or accepted resolution, or empty
   */
  public Optional<Resolution> resolution() {
    return Optional.ofNullable(resolution);
  }

  /**
   * Returns whether resolving needs a manager's approval.
   *
   * @return whether resolving needs a manager's approval
   */
  public boolean approvalRequired() {
    return approvalRequired;
  }

  /**
   * Returns the latest resolution approval, pending or decided.
   *
   * @return the latest resolution approval, pending or decided, or empty
   */
  public Optional<Approval> approval() {
    return Optional.ofNullable(approval);
  }

  /**
   * Returns when the incident was opened.
   *
   * @return when the incident was opened
   */
  public Instant openedAt() {
    return openedAt;
  }

  /**
   * Returns when it last changed.
   *
   * @return when it last changed
   */
  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * Returns how often the caller rejected a resolution.
   *
   * @return how often the caller rejected a resolution
   */
  public int reopenCount() {
    return reopenCount;
  }

  /**
   * Returns how often the incident was reassigned: how many times an assignment (by {@code assign}
   * or a functional escalation) changed the team or the assignee of an incident that already had
   * one. The first assignment is not a reassignment; assigning the same team and assignee again
   * is not counted. A metric input (reassignments per incident, "ping-pong" between groups).
   *
   * @return the reassignment count, zero or more
   */
  public int reassignmentCount() {
    return reassignmentCount;
  }

  /**
   * Returns links to other records.
   *
   * @return links to other records
   */
  public List<Link> links() {
    return links;
  }

  /**
   * Returns tags.
   *
   * @return tags
   */
  public Set<String> tags() {
    return tags;
  }

  /**
   * Returns custom attributes.
   *
   * @return custom attributes
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  /**
   * Returns the version: the number of events applied; used for optimistic concurrency.
   *
   * @return the version: the number of events applied
   */
  public long version() {
    return version;
  }

  /**
   * Returns the team the incident is assigned to.
   *
   * @return the team, or empty while unassigned
   */
  public Optional<String> team() {
    return assignment().map(Assignment::team);
  }

  /**
   * Tells whether an actor id is this incident's caller.
   *
   * @param actorId the actor's id
   * @return {@code true} if the incident has a caller with that id
   */
  public boolean isCalledBy(String actorId) {
    return caller != null && caller.id().equals(actorId);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Incident)) {
      return false;
    }
    Incident x = (Incident) o;
    return Objects.equals(id, x.id)
        && Objects.equals(externalId, x.externalId)
        && Objects.equals(type, x.type)
        && Objects.equals(title, x.title)
        && Objects.equals(description, x.description)
        && Objects.equals(channel, x.channel)
        && Objects.equals(caller, x.caller)
        && affectedUsers == x.affectedUsers
        && Objects.equals(service, x.service)
        && Objects.equals(configurationItem, x.configurationItem)
        && Objects.equals(errorCodes, x.errorCodes)
        && Objects.equals(stepsTried, x.stepsTried)
        && Objects.equals(attachments, x.attachments)
        && Objects.equals(category, x.category)
        && Objects.equals(subcategory, x.subcategory)
        && Objects.equals(impact, x.impact)
        && Objects.equals(urgency, x.urgency)
        && Objects.equals(priority, x.priority)
        && Objects.equals(assignment, x.assignment)
        && Objects.equals(status, x.status)
        && Objects.equals(onHoldReason, x.onHoldReason)
        && Objects.equals(resolution, x.resolution)
        && approvalRequired == x.approvalRequired
        && Objects.equals(approval, x.approval)
        && Objects.equals(openedAt, x.openedAt)
        && Objects.equals(updatedAt, x.updatedAt)
        && reopenCount == x.reopenCount
        && reassignmentCount == x.reassignmentCount
        && Objects.equals(links, x.links)
        && Objects.equals(tags, x.tags)
        && Objects.equals(attributes, x.attributes)
        && version == x.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, status);
  }

  @Override
  public String toString() {
    return "Incident{" + id + " v" + version + " " + status + " '" + title + "'}";
  }

  /**
   * Builds an {@link Incident}. Not thread-safe.
   */
  public static final class Builder {
    private String id;
    private String externalId;
    private IncidentType type;
    private String title;
    private String description;
    private Channel channel;
    private Caller caller;
    private int affectedUsers;
    private String service;
    private String configurationItem;
    private List<String> errorCodes = List.of();
    private List<String> stepsTried = List.of();
    private List<String> attachments = List.of();
    private String category;
    private String subcategory;
    private Impact impact;
    private Urgency urgency;
    private Priority priority;
    private Assignment assignment;
    private Status status;
    private OnHoldReason onHoldReason;
    private Resolution resolution;
    private boolean approvalRequired;
    private Approval approval;
    private Instant openedAt;
    private Instant updatedAt;
    private int reopenCount;
    private int reassignmentCount;
    private List<Link> links = List.of();
    private Set<String> tags = Set.of();
    private Map<String, String> attributes = Map.of();
    private long version;

    private Builder() {}

    /**
     * Sets the desk's id, for example {@code INC-000123}.
     *
     * @param id the value
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets the id in the system the ticket came from.
     *
     * @param externalId the value, or {@code null} for none
     * @return this builder
     */
    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    /**
     * Sets incident or service request.
     *
     * @param type the value
     * @return this builder
     */
    public Builder type(IncidentType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets the one-line summary.
     *
     * @param title the value
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * Sets the full description; empty when none.
     *
     * @param description the value
     * @return this builder
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * Sets how the ticket reached the desk.
     *
     * @param channel the value, or {@code null} for none
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    /**
     * Sets who reported it.
     *
     * @param caller the value, or {@code null} for none
     * @return this builder
     */
    public Builder caller(Caller caller) {
      this.caller = caller;
      return this;
    }

    /**
     * Sets how many users are affected.
     *
     * @param affectedUsers the value
     * @return this builder
     */
    public Builder affectedUsers(int affectedUsers) {
      this.affectedUsers = affectedUsers;
      return this;
    }

    /**
     * Sets the affected business service.
     *
     * @param service the value, or {@code null} for none
     * @return this builder
     */
    public Builder service(String service) {
      this.service = service;
      return this;
    }

    /**
     * Sets the affected configuration item.
     *
     * @param configurationItem the value, or {@code null} for none
     * @return this builder
     */
    public Builder configurationItem(String configurationItem) {
      this.configurationItem = configurationItem;
      return this;
    }

    /**
     * Replaces error codes or messages the user saw.
     *
     * @param errorCodes the values
     * @return this builder
     */
    public Builder errorCodes(java.util.Collection<String> errorCodes) {
      this.errorCodes = List.copyOf(errorCodes);
      return this;
    }

    /**
     * Replaces what the user already tried.
     *
     * @param stepsTried the values
     * @return this builder
     */
    public Builder stepsTried(java.util.Collection<String> stepsTried) {
      this.stepsTried = List.copyOf(stepsTried);
      return this;
    }

    /**
     * Replaces references to attachments.
     *
     * @param attachments the values
     * @return this builder
     */
    public Builder attachments(java.util.Collection<String> attachments) {
      this.attachments = List.copyOf(attachments);
      return this;
    }

    /**
     * Sets the category code, for example {@code network}.
     *
     * @param category the value, or {@code null} for none
     * @return this builder
     */
    public Builder category(String category) {
      this.category = category;
      return this;
    }

    /**
     * Sets the subcategory code, for example {@code vpn}.
     *
     * @param subcategory the value, or {@code null} for none
     * @return this builder
     */
    public Builder subcategory(String subcategory) {
      this.subcategory = subcategory;
      return this;
    }

    /**
     * Sets the impact.
     *
     * @param impact the value, or {@code null} for none
     * @return this builder
     */
    public Builder impact(Impact impact) {
      this.impact = impact;
      return this;
    }

    /**
     * Sets the urgency.
     *
     * @param urgency the value, or {@code null} for none
     * @return this builder
     */
    public Builder urgency(Urgency urgency) {
      this.urgency = urgency;
      return this;
    }

    /**
     * Sets the priority.
     *
     * @param priority the value, or {@code null} for none
     * @return this builder
     */
    public Builder priority(Priority priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Sets the team, assignee and support level.
     *
     * @param assignment the value, or {@code null} for none
     * @return this builder
     */
    public Builder assignment(Assignment assignment) {
      this.assignment = assignment;
      return this;
    }

    /**
     * Sets the lifecycle state.
     *
     * @param status the value
     * @return this builder
     */
    public Builder status(Status status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /**
     * Sets why it is on hold; present only while {@link Status#ON_HOLD}.
     *
     * @param onHoldReason the value, or {@code null} for none
     * @return this builder
     */
    public Builder onHoldReason(OnHoldReason onHoldReason) {
      this.onHoldReason = onHoldReason;
      return this;
    }

    /**
     * Sets the proposed or accepted resolution.
     *
     * @param resolution the value, or {@code null} for none
     * @return this builder
     */
    public Builder resolution(Resolution resolution) {
      this.resolution = resolution;
      return this;
    }

    /**
     * Sets whether resolving needs a manager's approval.
     *
     * @param approvalRequired the value
     * @return this builder
     */
    public Builder approvalRequired(boolean approvalRequired) {
      this.approvalRequired = approvalRequired;
      return this;
    }

    /**
     * Sets the latest resolution approval, pending or decided.
     *
     * @param approval the value, or {@code null} for none
     * @return this builder
     */
    public Builder approval(Approval approval) {
      this.approval = approval;
      return this;
    }

    /**
     * Sets when the incident was opened.
     *
     * @param openedAt the value
     * @return this builder
     */
    public Builder openedAt(Instant openedAt) {
      this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
      return this;
    }

    /**
     * Sets when it last changed.
     *
     * @param updatedAt the value
     * @return this builder
     */
    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
      return this;
    }

    /**
     * Sets how often the caller rejected a resolution.
     *
     * @param reopenCount the value
     * @return this builder
     */
    public Builder reopenCount(int reopenCount) {
      this.reopenCount = reopenCount;
      return this;
    }

    /**
     * Sets how often the incident was reassigned (see {@link Incident#reassignmentCount()}).
     *
     * @param reassignmentCount the value, zero or more
     * @return this builder
     */
    public Builder reassignmentCount(int reassignmentCount) {
      this.reassignmentCount = reassignmentCount;
      return this;
    }

    /**
     * Replaces links to other records.
     *
     * @param links the values
     * @return this builder
     */
    public Builder links(java.util.Collection<Link> links) {
      this.links = List.copyOf(links);
      return this;
    }

    /**
     * Replaces tags.
     *
     * @param tags the values
     * @return this builder
     */
    public Builder tags(java.util.Collection<String> tags) {
      this.tags = Set.copyOf(tags);
      return this;
    }

    /**
     * Replaces custom attributes.
     *
     * @param attributes the values
     * @return this builder
     */
    public Builder attributes(Map<String, String> attributes) {
      this.attributes = Map.copyOf(attributes);
      return this;
    }

    /**
     * Sets the version: the number of events applied; used for optimistic concurrency.
     *
     * @param version the value
     * @return this builder
     */
    public Builder version(long version) {
      this.version = version;
      return this;
    }

    /**
     * Validates and builds the incident.
     *
     * @return the incident
     * @throws ValidationException naming each missing required value (id, type, title, status,
     *     openedAt, updatedAt) or invalid number
     */
    public Incident build() {
      if (description == null) {
        description = "";
      }
      if (updatedAt == null) {
        updatedAt = openedAt;
      }
      if (id == null || id.isBlank() || type == null || title == null || title.isBlank()
          || status == null || openedAt == null || affectedUsers < 0 || reopenCount < 0
          || reassignmentCount < 0 || version < 0) {
        throw new ValidationException(problems());
      }
      return new Incident(this);
    }

    private List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (id == null || id.isBlank()) {
        problems.add("incident id must not be blank");
      }
      if (type == null) {
        problems.add("incident type must be INCIDENT or SERVICE_REQUEST, but was missing");
      }
      if (title == null || title.isBlank()) {
        problems.add("incident title must not be blank");
      }
      if (status == null) {
        problems.add("incident status must be set");
      }
      if (openedAt == null) {
        problems.add("incident openedAt must be set");
      }
      if (affectedUsers < 0) {
        problems.add("affectedUsers must be zero or more, but was " + affectedUsers);
      }
      if (reopenCount < 0) {
        problems.add("reopenCount must be zero or more, but was " + reopenCount);
      }
      if (reassignmentCount < 0) {
        problems.add("reassignmentCount must be zero or more, but was " + reassignmentCount);
      }
      if (version < 0) {
        problems.add("version must be zero or more, but was " + version);
      }
      return problems;
    }
  }
}
