package io.itsm.rules.testkit;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Ticket;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One policy test: a ticket and what triage is expected to decide for it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the scenario's name, shown as the test's display name
 * @param description free text, maybe empty
 * @param ticket the ticket to triage
 * @param expect what triage should decide
 * @param file the file the scenario was read from, or empty
 * @param location where the scenario was written, for messages: {@code "vpn.json $.scenarios[2]"},
 *     or {@code "(code)"} for scenarios built in code
 */
public record Scenario(
    String name,
    String description,
    Ticket ticket,
    Expectation expect,
    Optional<Path> file,
    String location) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code name} is blank
   */
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(expect, "expect");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(location, "location");
    if (name.isBlank()) {
      throw new ValidationException("scenario name must not be blank, but was '" + name + "'");
    }
  }

  /**
   * Creates a scenario in code.
   *
   * @param name the name
   * @param ticket the ticket
   * @param expect the expectation
   * @return the scenario, located at {@code "(code)"}
   * @throws ValidationException if {@code name} is blank
   */
  public static Scenario of(String name, Ticket ticket, Expectation expect) {
    return new Scenario(name, "", ticket, expect, Optional.empty(), "(code)");
  }
}
