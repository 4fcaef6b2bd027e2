package io.itsm.core.notification;

import io.itsm.core.access.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link Notifications} finds the people to tell and how to reach them: addresses per
 * channel, language, time zone, roles and teams, the services they use, quiet hours and digests.
 * The embedding application provides it from its user directory (LDAP, HR system, its own
 * database); {@link #of} holds a fixed list, {@link #none()} knows nobody.
 *
 * <p>It is the notifications' counterpart of the desk's {@link
 * io.itsm.core.incident.CallerDirectory}, which says what to <em>trust</em> about a caller (VIP,
 * department): both are looked up by user id, and an application with one user directory
 * implements both over it. A caller the recipient directory does not know is reached as the desk
 * took them in, with the caller directory's facts (name, e-mail, language).
 *
 * <p>Implementations must be thread-safe and should be fast: they are asked while events are
 * heard.
 */
public interface RecipientDirectory {

  /**
   * Finds a person by id.
   *
   * @param id the user id
   * @return the recipient, or empty when unknown
   */
  Optional<Recipient> find(String id);

  /**
   * Finds the people holding a role, in a team when one is given.
   *
   * @param role the role
   * @param team the team, or empty for anyone with the role
   * @return the recipients, maybe empty
   */
  List<Recipient> withRole(Role role, Optional<String> team);

  /**
   * Finds a team's members.
   *
   * @param team the team
   * @return the recipients, maybe empty
   */
  List<Recipient> members(String team);

  /**
   * Finds the people who use any of some services: the audience of announcements.
   *
   * @param services the service ids
   * @return the recipients, each once
   */
  List<Recipient> usersOf(Collection<String> services);

  /**
   * A directory that knows nobody: callers are reached through the incident's caller details
   * only, and nobody else is told. The default.
   *
   * @return the directory
   */
  static RecipientDirectory none() {
    return InMemoryRecipientDirectory.empty();
  }

  /**
   * A directory of fixed entries, for tests, examples and small installations.
   *
   * @param recipients the recipients, each id at most once
   * @return an immutable, thread-safe directory
   * @throws NullPointerException if {@code recipients} or an element is null
   * @throws io.itsm.core.ValidationException if an id appears twice
   */
  static RecipientDirectory of(Collection<Recipient> recipients) {
    return InMemoryRecipientDirectory.of(recipients);
  }
}
