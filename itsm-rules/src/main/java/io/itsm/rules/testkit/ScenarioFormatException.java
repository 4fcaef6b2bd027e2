package io.itsm.rules.testkit;

import io.itsm.core.ItsmException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown when a scenario file cannot be read as scenarios: the JSON is malformed, a property is
 * unknown, a value has the wrong type, or the ticket is not a valid ticket. The exception names the
 * file, the scenario (its 0-based index and, once read, its name) and the JSON path of the
 * offending value, for example:
 *
 * <pre>
 * vpn.json: $.scenarios[2].expect.priority (scenario 'VIP on VPN'): priority must be one of P1, P2, P3, P4, P5, but was 'P9'
 * </pre>
 *
 * <p>Instances are immutable once thrown.
 */
public class ScenarioFormatException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient Path file;
  private final int scenarioIndex;
  private final String scenarioName;
  private final String path;
  private final String problem;

  /**
   * Creates an exception.
   *
   * @param source the name of the scenario source, usually the file name
   * @param file the file, or {@code null} when the scenarios did not come from a file
   * @param scenarioIndex the 0-based index of the scenario, or a negative value when the problem is
   *     not inside one scenario
   * @param scenarioName the scenario's name, or {@code null} when not known (yet)
   * @param path the JSON path of the offending value, starting with {@code $}
   * @param problem what is wrong and what would be valid
   * @param cause the underlying cause, or {@code null}
   * @throws NullPointerException if {@code source}, {@code path} or {@code problem} is null
   */
  public ScenarioFormatException(
      String source,
      Path file,
      int scenarioIndex,
      String scenarioName,
      String path,
      String problem,
      Throwable cause) {
    super(message(source, scenarioIndex, scenarioName, path, problem), null, cause);
    this.source = source;
    this.file = file;
    this.scenarioIndex = scenarioIndex < 0 ? -1 : scenarioIndex;
    this.scenarioName = scenarioName;
    this.path = path;
    this.problem = problem;
  }

  private static String message(
      String source, int index, String name, String path, String problem) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(problem, "problem");
    String scenario =
        index < 0 ? "" : name != null ? " (scenario '" + name + "')" : " (scenario " + index + ")";
    return source + ": " + path + scenario + ": " + problem;
  }

  /**
   * Returns the name of the scenario source, usually the file name.
   *
   * @return the source name
   */
  public String getSource() {
    return source;
  }

  /**
   * Returns the scenario file.
   *
   * @return the file, or empty when the scenarios were parsed from text
   */
  public Optional<Path> getFile() {
    return Optional.ofNullable(file);
  }

  /**
   * Returns the 0-based index of the offending scenario in its file.
   *
   * @return the index, or empty when the problem is not inside one scenario
   */
  public OptionalInt getScenarioIndex() {
    return scenarioIndex < 0 ? OptionalInt.empty() : OptionalInt.of(scenarioIndex);
  }

  /**
   * Returns the name of the offending scenario.
   *
   * @return the name, or empty when the problem is not inside a scenario or precedes its name
   */
  public Optional<String> getScenarioName() {
    return Optional.ofNullable(scenarioName);
  }

  /**
   * Returns the JSON path of the offending value from the document root {@code $}, for example
   * {@code $.scenarios[2].ticket.caller.vip}.
   *
   * @return the path
   */
  public String getPath() {
    return path;
  }

  /**
   * Returns what is wrong and what would be valid, without file, path and scenario.
   *
   * @return the problem
   */
  public String getProblem() {
    return problem;
  }
}
