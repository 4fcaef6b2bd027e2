package io.itsm.core.notification;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Role;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Someone who can be told things: their addresses per channel, language, zone, roles and teams
 * (so "the team lead of network-ops" can be found), the services they use (the audience of
 * announcements), and their preferences: quiet hours and a daily digest.
 *
 * <pre>{@code
 * Recipient anna = Recipient.of("u-anna", "Anna Berg")
 *     .withAddress(DeliveryChannel.EMAIL, "anna@example.com")
 *     .withLanguage("sv").withZone(ZoneId.of("Europe/Stockholm"))
 *     .withServices(Set.of("svc-webshop"))
 *     .withQuietHours(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(7, 0)));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the user id (as in {@code Actor.id()} and {@code Caller.id()}); not blank
 * @param name the name used in greetings
 * @param language the preferred language code, or empty for the default
 * @param zone the zone for times in messages, quiet hours and digests
 * @param addresses the address per channel
 * @param roles the person's roles
 * @param teams the person's teams
 * @param services the services the person uses
 * @param quietHours the quiet hours, or empty
 * @param digest whether the person wants routine notifications as a daily digest
 */
public record Recipient(
    String id,
    String name,
    Optional<String> language,
    ZoneId zone,
    Map<DeliveryChannel, String> addresses,
    Set<Role> roles,
    Set<String> teams,
    Set<String> services,
    Optional<QuietHours> quietHours,
    boolean digest) {

  /** The order in which a recipient's channel is chosen when a rule names none. */
  public static final List<DeliveryChannel> PREFERENCE =
      List.of(DeliveryChannel.EMAIL, DeliveryChannel.CHAT, DeliveryChannel.SMS, DeliveryChannel.PUSH,
          DeliveryChannel.PORTAL);

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the id is blank or an address blank
   */
  public Recipient {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(teams, "teams");
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(quietHours, "quietHours");
    if (id.isBlank()) {
      throw new ValidationException("recipient id must not be blank");
    }
    Map<DeliveryChannel, String> a = new EnumMap<>(DeliveryChannel.class);
    for (Map.Entry<DeliveryChannel, String> e : addresses.entrySet()) {
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw new ValidationException("the " + e.getKey() + " address of recipient " + id + " must not be blank");
      }
      a.put(e.getKey(), e.getValue());
    }
    addresses = Collections.unmodifiableMap(a);
    roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    teams = Collections.unmodifiableSet(new TreeSet<>(teams));
    services = Collections.unmodifiableSet(new TreeSet<>(services));
  }

  /**
   * A recipient with only an id and a name, in UTC, reachable on the portal by their id.
   *
   * @param id the user id
   * @param name the name
   * @return the recipient
   */
  public static Recipient of(String id, String name) {
    return new Recipient(id, name, Optional.empty(), ZoneOffset.UTC, Map.of(DeliveryChannel.PORTAL, id),
        Set.of(), Set.of(), Set.of(), Optional.empty(), false);
  }

  /**
   * Returns a copy with an address.
   *
   * @param channel the channel
   * @param address the address on it
   * @return the copy
   */
  public Recipient withAddress(DeliveryChannel channel, String address) {
    Map<DeliveryChannel, String> a = new EnumMap<>(DeliveryChannel.class);
    a.putAll(addresses);
    a.put(channel, address);
    return new Recipient(id, name, language, zone, a, roles, teams, services, quietHours, digest);
  }

  /**
   * Returns a copy with a language.
   *
   * @param language the language code
   * @return the copy
   */
  public Recipient withLanguage(String language) {
    return new Recipient(id, name, Optional.ofNullable(language), zone, addresses, roles, teams,
        services, quietHours, digest);
  }

  /**
   * Returns a copy in a zone.
   *
   * @param zone the zone
   * @return the copy
   */
  public Recipient withZone(ZoneId zone) {
    return new Recipient(id, name, language, zone, addresses, roles, teams, services, quietHours, digest);
  }

  /**
   * Returns a copy with a role in teams.
   *
   * @param role the role
   * @param teams the teams
   * @return the copy
   */
  public Recipient withRole(Role role, String... teams) {
    Set<Role> r = EnumSet.of(role);
    r.addAll(roles);
    Set<String> t = new TreeSet<>(this.teams);
    t.addAll(List.of(teams));
    return new Recipient(id, name, language, zone, addresses, r, t, services, quietHours, digest);
  }

  /**
   * Returns a copy using these services.
   *
   * @param services the service ids
   * @return the copy
   */
  public Recipient withServices(Set<String> services) {
    return new Recipient(id, name, language, zone, addresses, roles, teams, services, quietHours, digest);
  }

  /**
   * Returns a copy with quiet hours.
   *
   * @param quietHours the quiet hours
   * @return the copy
   */
  public Recipient withQuietHours(QuietHours quietHours) {
    return new Recipient(id, name, language, zone, addresses, roles, teams, services,
        Optional.of(quietHours), digest);
  }

  /**
   * Returns a copy that wants (or not) a daily digest of routine notifications.
   *
   * @param digest whether
   * @return the copy
   */
  public Recipient withDigest(boolean digest) {
    return new Recipient(id, name, language, zone, addresses, roles, teams, services, quietHours, digest);
  }

  /**
   * Returns the channel to use when a rule names none: the first of {@link #PREFERENCE} the
   * recipient has an address for.
   *
   * @return the channel, or empty when the recipient has no address
   */
  public Optional<DeliveryChannel> preferredChannel() {
    return PREFERENCE.stream().filter(addresses::containsKey).findFirst();
  }
}
