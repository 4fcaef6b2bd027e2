package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What someone reports: the input from which an incident is logged and triaged. This is the
 * <em>ticket format</em> used everywhere (the JSON format of {@code docs/json.md}, the command
 * line, scenario files and examples).
 *
 * <p>Only {@link #title()} is required. Optional values are returned as {@link Optional}; lists,
 * sets and maps are never null and may be empty.
 *
 * <pre>{@code
 * Ticket ticket = Ticket.builder()
 *     .title("VPN drops every few minutes")
 *     .caller(Caller.of("u1042").withLanguage("de"))
 *     .channel(Channel.PORTAL)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Ticket {

  /** The number of affected users assumed when a ticket does not say: the caller. */
  public static final int DEFAULT_AFFECTED_USERS = 1;

  private final String id;
  private final IncidentType type;
  private final String title;
  private final String description;
  private final Channel channel;
  private final Caller caller;
  private final int affectedUsers;
  private final String service;
  private final String configurationItem;
  private final Impact impact;
  private final Urgency urgency;
  private final Instant openedAt;
  private final List<String> errorCodes;
  private final List<String> stepsTried;
  private final List<String> attachments;
  private final Set<String> tags;
  private final Map<String, String> attributes;

  private Ticket(Builder b) {
    this.id = blankToNull(b.id);
    this.type = b.type;
    this.title = b.title;
    this.description = b.description == null ? "" : b.description;
    this.channel = b.channel;
    this.caller = b.caller;
    this.affectedUsers = b.affectedUsers;
    this.service = blankToNull(b.service);
    this.configurationItem = blankToNull(b.configurationItem);
    this.impact = b.impact;
    this.urgency = b.urgency;
    this.openedAt = b.openedAt;
    this.errorCodes = List.copyOf(b.errorCodes);
    this.stepsTried = List.copyOf(b.stepsTried);
    this.attachments = List.copyOf(b.attachments);
    this.tags = Set.copyOf(b.tags);
    this.attributes = Map.copyOf(b.attributes);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Starts a new ticket.
   *
   * @return an empty builder with type {@link IncidentType#INCIDENT}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding a copy of this ticket's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.type = type;
    b.title = title;
    b.description = description;
    b.channel = channel;
    b.caller = caller;
    b.affectedUsers = affectedUsers;
    b.service = service;
    b.configurationItem = configurationItem;
    b.impact = impact;
    b.urgency = urgency;
    b.openedAt = openedAt;
    b.errorCodes.addAll(errorCodes);
    b.stepsTried.addAll(stepsTried);
    b.attachments.addAll(attachments);
    b.tags.addAll(tags);
    b.attributes.putAll(attributes);
    return b;
  }

  /**
   * Returns the id the ticket has in the system it came from, kept as the incident's external id.
   *
   * @return the external id, or empty
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * Returns whether this is an incident or a service request.
   *
   * @return the type; {@link IncidentType#INCIDENT} unless set
   */
  public IncidentType type() {
    return type;
  }

  /**
   * Returns the one-line summary.
   *
   * @return the title, never blank
   */
  public String title() {
    return title;
  }

  /**
   * Returns the full description.
   *
   * @return the description; empty when none was given
   */
  public String description() {
    return description;
  }

  /**
   * Returns how the ticket reached the desk.
   *
   * @return the channel, or empty
   */
  public Optional<Channel> channel() {
    return Optional.ofNullable(channel);
  }

  /**
   * Returns who reported the ticket.
   *
   * @return the caller, or empty (for example a monitoring alert)
   */
  public Optional<Caller> caller() {
    return Optional.ofNullable(caller);
  }

  /**
   * Returns how many users are affected.
   *
   * @return zero or more; {@value #DEFAULT_AFFECTED_USERS} unless set
   */
  public int affectedUsers() {
    return affectedUsers;
  }

  /**
   * Returns the affected business service, for example {@code "email"}.
   *
   * @return the service, or empty
   */
  public Optional<String> service() {
    return Optional.ofNullable(service);
  }

  /**
   * Returns the affected configuration item (CI), for example {@code "srv-mail-01"}.
   *
   * @return the configuration item, or empty
   */
  public Optional<String> configurationItem() {
    return Optional.ofNullable(configurationItem);
  }

  /**
   * Returns the impact as reported.
   *
   * @return the impact, or empty (triage decides)
   */
  public Optional<Impact> impact() {
    return Optional.ofNullable(impact);
  }

  /**
   * Returns the urgency as reported.
   *
   * @return the urgency, or empty (triage decides)
   */
  public Optional<Urgency> urgency() {
    return Optional.ofNullable(urgency);
  }

  /**
   * Returns when the problem was reported, when the source system says.
   *
   * @return the instant, or empty (the desk's clock decides)
   */
  public Optional<Instant> openedAt() {
    return Optional.ofNullable(openedAt);
  }

  /**
   * Returns error codes or messages the user saw.
   *
   * @return an immutable list, maybe empty
   */
  public List<String> errorCodes() {
    return errorCodes;
  }

  /**
   * Returns what the user already tried.
   *
   * @return an immutable list, maybe empty
   */
  public List<String> stepsTried() {
    return stepsTried;
  }

  /**
   * Returns references to attachments (URLs or document ids); the files themselves are not kept.
   *
   * @return an immutable list, maybe empty
   */
  public List<String> attachments() {
    return attachments;
  }

  /**
   * Returns free-form tags.
   *
   * @return an immutable set, maybe empty
   */
  public Set<String> tags() {
    return tags;
  }

  /**
   * Returns custom attributes (name → value) that rules and applications may use.
   *
   * @return an immutable map, maybe empty
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Ticket)) {
      return false;
    }
    Ticket t = (Ticket) o;
    return affectedUsers == t.affectedUsers
        && Objects.equals(id, t.id)
        && type == t.type
        && title.equals(t.title)
        && description.equals(t.description)
        && channel == t.channel
        && Objects.equals(caller, t.caller)
        && Objects.equals(service, t.service)
        && Objects.equals(configurationItem, t.configurationItem)
        && impact == t.impact
        && urgency == t.urgency
        && Objects.equals(openedAt, t.openedAt)
        && errorCodes.equals(t.errorCodes)
        && stepsTried.equals(t.stepsTried)
        && attachments.equals(t.attachments)
        && tags.equals(t.tags)
        && attributes.equals(t.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, type, title, channel, caller, service, impact, urgency, openedAt);
  }

  @Override
  public String toString() {
    return "Ticket{" + (id == null ? "" : "id=" + id + ", ") + "type=" + type + ", title='" + title
        + "'}";
  }

  /**
   * Builds a {@link Ticket}. Not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private String id;
    private IncidentType type = IncidentType.INCIDENT;
    private String title;
    private String description;
    private Channel channel;
    private Caller caller;
    private int affectedUsers = DEFAULT_AFFECTED_USERS;
    private String service;
    private String configurationItem;
    private Impact impact;
    private Urgency urgency;
    private Instant openedAt;
    private final List<String> errorCodes = new ArrayList<>();
    private final List<String> stepsTried = new ArrayList<>();
    private final List<String> attachments = new ArrayList<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the external id.
     *
     * @param id the id in the source system, or {@code null}
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the type.
     *
     * @param type incident or service request
     * @return this builder
     */
    public Builder type(IncidentType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets the title (required).
     *
     * @param title the one-line summary
     * @return this builder
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param description the full text, or {@code null}
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the channel.
     *
     * @param channel the channel, or {@code null}
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    /**
     * Sets the caller.
     *
     * @param caller the caller, or {@code null}
     * @return this builder
     */
    public Builder caller(Caller caller) {
      this.caller = caller;
      return this;
    }

    /**
     * Sets the number of affected users.
     *
     * @param affectedUsers zero or more
     * @return this builder
     */
    public Builder affectedUsers(int affectedUsers) {
      this.affectedUsers = affectedUsers;
      return this;
    }

    /**
     * Sets the affected service.
     *
     * @param service the service, or {@code null}
     * @return this builder
     */
    public Builder service(String service) {
      this.service = service;
      return this;
    }

    /**
     * Sets the affected configuration item.
     *
     * @param configurationItem the CI, or {@code null}
     * @return this builder
     */
    public Builder configurationItem(String configurationItem) {
      this.configurationItem = configurationItem;
      return this;
    }

    /**
     * Sets the reported impact.
     *
     * @param impact the impact, or {@code null}
     * @return this builder
     */
    public Builder impact(Impact impact) {
      this.impact = impact;
      return this;
    }

    /**
     * Sets the reported urgency.
     *
     * @param urgency the urgency, or {@code null}
     * @return this builder
     */
    public Builder urgency(Urgency urgency) {
      this.urgency = urgency;
      return this;
    }

    /**
     * Sets when the problem was reported.
     *
     * @param openedAt the instant, or {@code null}
     * @return this builder
     */
    public Builder openedAt(Instant openedAt) {
      this.openedAt = openedAt;
      return this;
    }

    /**
     * Replaces the error codes.
     *
     * @param errorCodes the codes or messages
     * @return this builder
     */
    public Builder errorCodes(List<String> errorCodes) {
      this.errorCodes.clear();
      this.errorCodes.addAll(errorCodes);
      return this;
    }

    /**
     * Replaces the steps already tried.
     *
     * @param stepsTried what the user tried
     * @return this builder
     */
    public Builder stepsTried(List<String> stepsTried) {
      this.stepsTried.clear();
      this.stepsTried.addAll(stepsTried);
      return this;
    }

    /**
     * Replaces the attachment references.
     *
     * @param attachments URLs or document ids
     * @return this builder
     */
    public Builder attachments(List<String> attachments) {
      this.attachments.clear();
      this.attachments.addAll(attachments);
      return this;
    }

    /**
     * Replaces the tags.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder tags(Set<String> tags) {
      this.tags.clear();
      this.tags.addAll(tags);
      return this;
    }

    /**
     * Sets one custom attribute.
     *
     * @param name the attribute name
     * @param value the value
     * @return this builder
     */
    public Builder attribute(String name, String value) {
      this.attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Replaces the custom attributes.
     *
     * @param attributes name → value
     * @return this builder
     */
    public Builder attributes(Map<String, String> attributes) {
      this.attributes.clear();
      this.attributes.putAll(attributes);
      return this;
    }

    /**
     * Validates and builds the ticket.
     *
     * @return the ticket
     * @throws ValidationException listing every invalid field: a missing or blank title, a
     *     negative number of affected users, null or blank list elements
     */
    public Ticket build() {
      List<String> problems = new ArrayList<>();
      if (title == null || title.isBlank()) {
        problems.add("title must not be blank, but was " + (title == null ? "missing" : "'" + title + "'"));
      }
      if (affectedUsers < 0) {
        problems.add("affectedUsers must be zero or more, but was " + affectedUsers);
      }
      checkElements("errorCodes", errorCodes, problems);
      checkElements("stepsTried", stepsTried, problems);
      checkElements("attachments", attachments, problems);
      checkElements("tags", new ArrayList<>(tags), problems);
      attributes.forEach(
          (k, v) -> {
            if (k.isBlank()) {
              problems.add("attributes must not have a blank name");
            }
          });
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new Ticket(this);
    }

    private static void checkElements(String field, List<String> values, List<String> problems) {
      for (int i = 0; i < values.size(); i++) {
        String v = values.get(i);
        if (v == null || v.isBlank()) {
          problems.add(field + "[" + i + "] must not be blank, but was " + (v == null ? "null" : "'" + v + "'"));
        }
      }
    }
  }
}
