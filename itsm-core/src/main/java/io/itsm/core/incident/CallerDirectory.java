package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the desk looks up what it may trust about a caller: VIP status, department, location,
 * language, name and e-mail, by caller id. The embedding application provides it (from its user
 * directory, HR system or LDAP); the default is {@link #none()}.
 *
 * <p>Why: a ticket's {@code caller} block is written by whoever logs the ticket. When an end user
 * logs their own ticket (self-service), {@code "vip": true} or a department is only their claim,
 * and rules that raise priority for VIPs would let anyone raise their own priority. So the desk
 * ({@link io.itsm.core.ServiceDesk#log}) does this:
 *
 * <ul>
 *   <li>when the directory knows the caller, the directory's facts are the caller's facts (the
 *       ticket's name, e-mail and language fill in what the directory lacks), whoever logged it;
 *   <li>when it does not, a ticket logged by staff keeps its caller as given, and a ticket its own
 *       caller logged keeps only id, name, e-mail and language ({@link Caller#withoutClaims()}).
 * </ul>
 *
 * <pre>{@code
 * CallerDirectory directory = callerId -> hr.findUser(callerId).map(u ->
 *     Caller.of(u.id()).withName(u.fullName()).withDepartment(u.department()).withVip(u.isExecutive()));
 * ServiceDesk desk = ServiceDesk.builder().callerDirectory(directory).build();
 * }</pre>
 *
 * <p>Notifications find people in a {@link io.itsm.core.notification.RecipientDirectory} (how to
 * reach them), looked up by the same user ids; an application with one user directory implements
 * both over it.
 *
 * <p>Implementations must be thread-safe and should be fast (the desk asks once per logged
 * ticket, on the logging thread); an exception from {@link #lookup} fails the {@code log} call
 * and nothing is logged.
 */
@FunctionalInterface
public interface CallerDirectory {

  /**
   * Looks a caller up.
   *
   * @param callerId the caller's id, not blank
   * @return the caller's facts, whose {@link Caller#id()} is {@code callerId}; empty when the
   *     directory does not know the caller
   */
  Optional<Caller> lookup(String callerId);

  /**
   * A directory that knows nobody: callers' own claims about themselves are never trusted, and
   * tickets logged by staff keep their caller as given. The default.
   *
   * @return the directory
   */
  static CallerDirectory none() {
    return callerId -> Optional.empty();
  }

  /**
   * A directory of fixed entries, for tests, examples and small installations.
   *
   * @param callers the callers, each id at most once
   * @return an immutable, thread-safe directory
   * @throws NullPointerException if {@code callers} or an element is null
   * @throws ValidationException if an id appears twice
   */
  static CallerDirectory of(Collection<Caller> callers) {
    Objects.requireNonNull(callers, "callers");
    Map<String, Caller> byId = new HashMap<>();
    for (Caller c : callers) {
      Objects.requireNonNull(c, "caller");
      if (byId.put(c.id(), c) != null) {
        throw new ValidationException("caller directory: caller id " + c.id()
            + " appears twice; give each caller once");
      }
    }
    Map<String, Caller> frozen = Map.copyOf(byId);
    return callerId -> Optional.ofNullable(frozen.get(callerId));
  }
}
