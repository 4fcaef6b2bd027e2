package io.itsm.core.notification;

import io.itsm.core.access.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link Notifications} finds the people to tell: the embedding application's user directory
 * (LDAP, HR system, its own database). {@link InMemoryRecipientDirectory} holds a fixed list.
 *
 * <p>Implementations must be thread-safe.
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
}
