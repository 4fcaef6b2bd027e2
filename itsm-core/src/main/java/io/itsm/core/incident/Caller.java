package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * The person who reported a ticket (or for whom it was reported).
 *
 * <p>Only {@code id} is required. Immutable and thread-safe.
 *
 * @param id the caller's user id, not blank
 * @param name the caller's name
 * @param email the caller's e-mail address
 * @param department the caller's department
 * @param location the caller's site or office
 * @param language the caller's preferred language as an ISO 639-1 code, for example {@code "de"}
 * @param vip whether the caller is a VIP (raises priority under the default rules)
 */
public record Caller(
    String id,
    Optional<String> name,
    Optional<String> email,
    Optional<String> department,
    Optional<String> location,
    Optional<String> language,
    boolean vip) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code id} is blank
   */
  public Caller {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new ValidationException("caller.id must not be blank, but was '" + id + "'");
    }
    name = Objects.requireNonNull(name, "name").filter(s -> !s.isBlank());
    email = Objects.requireNonNull(email, "email").filter(s -> !s.isBlank());
    department = Objects.requireNonNull(department, "department").filter(s -> !s.isBlank());
    location = Objects.requireNonNull(location, "location").filter(s -> !s.isBlank());
    language = Objects.requireNonNull(language, "language").filter(s -> !s.isBlank());
  }

  /**
   * A caller known only by id.
   *
   * @param id the user id
   * @return the caller
   */
  public static Caller of(String id) {
    return new Caller(
        id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), false);
  }

  /**
   * Returns a copy with a name.
   *
   * @param name the name, or {@code null} for none
   * @return the copy
   */
  public Caller withName(String name) {
    return new Caller(id, Optional.ofNullable(name), email, department, location, language, vip);
  }

  /**
   * Returns a copy with an e-mail address.
   *
   * @param email the address, or {@code null} for none
   * @return the copy
   */
  public Caller withEmail(String email) {
    return new Caller(id, name, Optional.ofNullable(email), department, location, language, vip);
  }

  /**
   * Returns a copy with a department.
   *
   * @param department the department, or {@code null} for none
   * @return the copy
   */
  public Caller withDepartment(String department) {
    return new Caller(id, name, email, Optional.ofNullable(department), location, language, vip);
  }

  /**
   * Returns a copy with a location.
   *
   * @param location the location, or {@code null} for none
   * @return the copy
   */
  public Caller withLocation(String location) {
    return new Caller(id, name, email, department, Optional.ofNullable(location), language, vip);
  }

  /**
   * Returns a copy with a preferred language.
   *
   * @param language an ISO 639-1 code such as {@code "sv"}, or {@code null} for none
   * @return the copy
   */
  public Caller withLanguage(String language) {
    return new Caller(id, name, email, department, location, Optional.ofNullable(language), vip);
  }

  /**
   * Returns a copy without what a caller cannot vouch for about themselves: the VIP flag, the
   * department and the location, which rules use to raise priority or route. Id, name, e-mail and
   * language stay. The desk applies it to the caller of a self-reported ticket that no {@link
   * CallerDirectory} knows.
   *
   * @return the copy
   */
  public Caller withoutClaims() {
    return new Caller(id, name, email, Optional.empty(), Optional.empty(), language, false);
  }

  /**
   * Returns a copy with the VIP flag set.
   *
   * @param vip whether the caller is a VIP
   * @return the copy
   */
  public Caller withVip(boolean vip) {
    return new Caller(id, name, email, department, location, language, vip);
  }
}
