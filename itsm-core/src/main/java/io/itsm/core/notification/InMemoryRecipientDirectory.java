package io.itsm.core.notification;

import io.itsm.core.access.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import io.itsm.core.ValidationException;
import io.itsm.core.incident.CallerDirectory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fixed list of recipients, for tests, examples and small desks.
 *
 * <p>Immutable and thread-safe.
 */
public final class InMemoryRecipientDirectory implements RecipientDirectory {

  private final Map<String, Recipient> byId;

  private InMemoryRecipientDirectory(Collection<Recipient> recipients) {
    Map<String, Recipient> m = new LinkedHashMap<>();
    for (Recipient r : recipients) {
      if (m.put(Objects.requireNonNull(r, "recipient").id(), r) != null) {
        throw new ValidationException("recipient directory: recipient id " + r.id()
            + " appears twice; give each recipient once");
      }
    }
    this.byId = Map.copyOf(m);
  }

  /**
   * A directory of these recipients, as {@link CallerDirectory#of} is one of callers.
   *
   * @param recipients the recipients, each id at most once
   * @return the directory
   * @throws NullPointerException if {@code recipients} or an element is null
   * @throws ValidationException if an id appears twice
   */
  public static InMemoryRecipientDirectory of(Collection<Recipient> recipients) {
    return new InMemoryRecipientDirectory(Objects.requireNonNull(recipients, "recipients"));
  }

  /**
   * An empty directory: callers are reached through the incident's caller details only.
   *
   * @return the directory
   */
  public static InMemoryRecipientDirectory empty() {
    return new InMemoryRecipientDirectory(List.of());
  }

  @Override
  public Optional<Recipient> find(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public List<Recipient> withRole(Role role, Optional<String> team) {
    return sorted(byId.values().stream()
        .filter(r -> r.roles().contains(role) && team.map(r.teams()::contains).orElse(true)).toList());
  }

  @Override
  public List<Recipient> members(String team) {
    return sorted(byId.values().stream().filter(r -> r.teams().contains(team)).toList());
  }

  @Override
  public List<Recipient> usersOf(Collection<String> services) {
    return sorted(byId.values().stream()
        .filter(r -> r.services().stream().anyMatch(services::contains)).toList());
  }

  private static List<Recipient> sorted(List<Recipient> list) {
    return list.stream().sorted(java.util.Comparator.comparing(Recipient::id)).toList();
  }
}
