package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * line, scenario files and examples). An {@link Incident} holds the ticket it was logged from.
 *
 * <p>Only {@link #title()} is required. Optional values are {@link Optional}; lists, sets and
 * maps are never null and may be empty. Build one with {@link #builder()}:
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
 *
 * @param id the id the ticket has in the system it came from, kept as the incident's external id
 * @param type whether this is an incident or a service request
 * @param title the one-line summary, never blank
 * @param description the full description; empty when none was given
 * @param channel how the ticket reached the desk
 * @param caller who reported the ticket; empty for example for a monitoring alert
 * @param affectedUsers how many users are affected, zero or more; {@value #DEFAULT_AFFECTED_USERS}
 *     unless set
 * @param service the affected business service, for example {@code "email"}
 * @param configurationItem the affected configuration item (CI), for example {@code "srv-mail-01"}
 * @param impact the impact as reported; empty: triage decides
 * @param urgency the urgency as reported; empty: triage decides
 * @param openedAt when the problem was reported, when the source system says; empty: the desk's
 *     clock decides
 * @param errorCodes error codes or messages the user saw
 * @param stepsTried what the user already tried
 * @param attachments references to attachments (URLs or document ids); the files are not kept
 * @param tags free-form tags
 * @param attributes custom attributes (name → value) that rules and applications may use
 */
public record Ticket(
    Optional<String> id,
    IncidentType type,
    String title,
    String description,
    Optional<Channel> channel,
    Optional<Caller> caller,
    int affectedUsers,
    Optional<String> service,
    Optional<String> configurationItem,
    Optional<Impact> impact,
    Optional<Urgency> urgency,
    Optional<Instant> openedAt,
    List<String> errorCodes,
    List<String> stepsTried,
    List<String> attachments,
    Set<String> tags,
    Map<String, String> attributes) {

  /** The number of affected users assumed when a ticket does not say: the caller. */
  public static final int DEFAULT_AFFECTED_USERS = 1;

  /**
   * Validates the components; a blank id, service or configuration item counts as none.
   *
   * @throws NullPointerException if a component other than {@code title} is null
   * @throws ValidationException listing every invalid value: a missing or blank title, a negative
   *     number of affected users, null or blank list elements, a blank attribute name
   */
  public Ticket {
    id = Objects.requireNonNull(id, "id").filter(s -> !s.isBlank());
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(caller, "caller");
    service = Objects.requireNonNull(service, "service").filter(s -> !s.isBlank());
    configurationItem =
        Objects.requireNonNull(configurationItem, "configurationItem").filter(s -> !s.isBlank());
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(openedAt, "openedAt");
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
    checkElements("tags", tags, problems);
    if (Objects.requireNonNull(attributes, "attributes").keySet().stream().anyMatch(String::isBlank)) {
      problems.add("attributes must not have a blank name");
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    errorCodes = List.copyOf(errorCodes);
    stepsTried = List.copyOf(stepsTried);
    attachments = List.copyOf(attachments);
    tags = Set.copyOf(tags);
    attributes = Map.copyOf(attributes);
  }

  private static void checkElements(String field, Collection<String> values, List<String> problems) {
    int i = 0;
    for (String v : Objects.requireNonNull(values, field)) {
      if (v == null || v.isBlank()) {
        problems.add(field + "[" + i + "] must not be blank, but was " + (v == null ? "null" : "'" + v + "'"));
      }
      i++;
    }
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
    b.id = id.orElse(null);
    b.type = type;
    b.title = title;
    b.description = description;
    b.channel = channel.orElse(null);
    b.caller = caller.orElse(null);
    b.affectedUsers = affectedUsers;
    b.service = service.orElse(null);
    b.configurationItem = configurationItem.orElse(null);
    b.impact = impact.orElse(null);
    b.urgency = urgency.orElse(null);
    b.openedAt = openedAt.orElse(null);
    b.errorCodes.addAll(errorCodes);
    b.stepsTried.addAll(stepsTried);
    b.attachments.addAll(attachments);
    b.tags.addAll(tags);
    b.attributes.putAll(attributes);
    return b;
  }

  @Override
  public String toString() {
    return "Ticket{" + id.map(i -> "id=" + i + ", ").orElse("") + "type=" + type + ", title='"
        + title + "'}";
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
      return new Ticket(Optional.ofNullable(id), type, title, description == null ? "" : description,
          Optional.ofNullable(channel), Optional.ofNullable(caller), affectedUsers,
          Optional.ofNullable(service), Optional.ofNullable(configurationItem),
          Optional.ofNullable(impact), Optional.ofNullable(urgency), Optional.ofNullable(openedAt),
          new ArrayList<>(errorCodes), new ArrayList<>(stepsTried), new ArrayList<>(attachments),
          new LinkedHashSet<>(tags), new LinkedHashMap<>(attributes));
    }
  }
}
