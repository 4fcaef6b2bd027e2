package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import io.itsm.core.kernel.internal.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The codes a desk accepts when an incident is resolved ({@linkplain #resolutionCodes() resolution
 * codes}) and when a team lead closes it without a resolution ({@linkplain #closeCodes() close
 * codes}), each with a description. The desk checks every code given to {@code proposeResolution}
 * and {@code closeWithoutResolution} against its catalogue; an unknown code is refused with the
 * allowed codes and a "did you mean". Codes in recorded histories are not re-checked (a history
 * stays readable when the catalogue changes).
 *
 * <p>{@link #defaults()} (ITIL's usual closure codes):
 *
 * <table>
 *   <caption>Default resolution codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>SOLVED_FIXED</td><td>fixed: the cause was removed</td></tr>
 *   <tr><td>SOLVED_WORKAROUND</td><td>a workaround restores the service; the cause remains (a
 *       known error or problem)</td></tr>
 *   <tr><td>SOLVED_BY_CHANGE</td><td>solved through a change (configuration, patch,
 *       replacement)</td></tr>
 *   <tr><td>SOLVED_BY_VENDOR</td><td>solved by a vendor or other third party</td></tr>
 *   <tr><td>SOLVED_BY_CALLER</td><td>the caller solved it, or it went away by itself</td></tr>
 *   <tr><td>SOLVED_ADVICE</td><td>answered with advice or instructions (how-to,
 *       information)</td></tr>
 *   <tr><td>REQUEST_FULFILLED</td><td>the service request was fulfilled</td></tr>
 *   <tr><td>NOT_REPRODUCIBLE</td><td>could not be reproduced; the service works as
 *       expected</td></tr>
 *   <tr><td>NOT_SOLVED_TOO_COSTLY</td><td>not fixed: a fix costs more than the disruption; the
 *       caller was told</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Default close codes (closing without a resolution)</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>DUPLICATE</td><td>the same disruption is handled in another incident (link it with
 *       DUPLICATE_OF)</td></tr>
 *   <tr><td>RAISED_IN_ERROR</td><td>not an incident: logged by mistake, a test, spam</td></tr>
 *   <tr><td>NO_RESPONSE</td><td>the caller did not answer the desk's questions</td></tr>
 *   <tr><td>OUT_OF_SCOPE</td><td>not supported by this desk; the caller was redirected</td></tr>
 * </table>
 *
 * <p>Codes are upper case letters, digits and underscores ({@code [A-Z][A-Z0-9_]*}), so they
 * read the same in JSON, reports and rules. Replace the catalogue with {@link #of}, or extend the
 * defaults with {@link #withResolutionCode} / {@link #withCloseCode}, and give it to {@code
 * ServiceDesk.builder().resolutionCodes(...)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResolutionCodes {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

  private static final ResolutionCodes DEFAULTS = new ResolutionCodes(
      ordered(
          "SOLVED_FIXED", "fixed: the cause was removed",
          "SOLVED_WORKAROUND", "a workaround restores the service; the cause remains",
          "SOLVED_BY_CHANGE", "solved through a change (configuration, patch, replacement)",
          "SOLVED_BY_VENDOR", "solved by a vendor or other third party",
          "SOLVED_BY_CALLER", "the caller solved it, or it went away by itself",
          "SOLVED_ADVICE", "answered with advice or instructions (how-to, information)",
          "REQUEST_FULFILLED", "the service request was fulfilled",
          "NOT_REPRODUCIBLE", "could not be reproduced; the service works as expected",
          "NOT_SOLVED_TOO_COSTLY", "not fixed: a fix costs more than the disruption; the caller was told"),
      ordered(
          "DUPLICATE", "the same disruption is handled in another incident",
          "RAISED_IN_ERROR", "not an incident: logged by mistake, a test, spam",
          "NO_RESPONSE", "the caller did not answer the desk's questions",
          "OUT_OF_SCOPE", "not supported by this desk; the caller was redirected"));

  private final Map<String, String> resolutionCodes;
  private final Map<String, String> closeCodes;

  private ResolutionCodes(Map<String, String> resolutionCodes, Map<String, String> closeCodes) {
    this.resolutionCodes = Collections.unmodifiableMap(new LinkedHashMap<>(resolutionCodes));
    this.closeCodes = Collections.unmodifiableMap(new LinkedHashMap<>(closeCodes));
  }

  private static Map<String, String> ordered(String... codeThenDescription) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < codeThenDescription.length; i += 2) {
      m.put(codeThenDescription[i], codeThenDescription[i + 1]);
    }
    return m;
  }

  /**
   * Returns the default catalogue (see the class comment).
   *
   * @return the defaults
   */
  public static ResolutionCodes defaults() {
    return DEFAULTS;
  }

  /**
   * Creates a catalogue.
   *
   * @param resolutionCodes code → description of the codes a resolution may have; at least one
   * @param closeCodes code → description of the codes for closing without a resolution; may be
   *     empty (then no incident can be closed without a resolution)
   * @return the catalogue, in the maps' iteration order
   * @throws NullPointerException if a map, code or description is null
   * @throws ValidationException naming every code that is not {@code [A-Z][A-Z0-9_]*}, blank
   *     descriptions, a code in both maps, or no resolution code at all
   */
  public static ResolutionCodes of(Map<String, String> resolutionCodes, Map<String, String> closeCodes) {
    Objects.requireNonNull(resolutionCodes, "resolutionCodes");
    Objects.requireNonNull(closeCodes, "closeCodes");
    List<String> problems = new ArrayList<>();
    check("resolution code", resolutionCodes, problems);
    check("close code", closeCodes, problems);
    if (resolutionCodes.isEmpty()) {
      problems.add("resolution codes must not be empty: give at least one, for example SOLVED_FIXED");
    }
    for (String c : closeCodes.keySet()) {
      if (resolutionCodes.containsKey(c)) {
        problems.add("code " + c + " is both a resolution code and a close code; use it as one of them");
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new ResolutionCodes(resolutionCodes, closeCodes);
  }

  private static void check(String what, Map<String, String> codes, List<String> problems) {
    codes.forEach((code, description) -> {
      Objects.requireNonNull(code, what);
      Objects.requireNonNull(description, what + " description");
      if (!CODE.matcher(code).matches()) {
        problems.add(what + " '" + code + "' must be upper-case letters, digits and underscores,"
            + " starting with a letter, such as SOLVED_FIXED");
      }
      if (description.isBlank()) {
        problems.add(what + " " + code + " needs a description");
      }
    });
  }

  /**
   * Returns a copy with a resolution code added (or its description replaced).
   *
   * @param code the code, {@code [A-Z][A-Z0-9_]*}
   * @param description what it means, not blank
   * @return the new catalogue
   * @throws ValidationException if the code or description is malformed, or the code is a close
   *     code
   */
  public ResolutionCodes withResolutionCode(String code, String description) {
    Map<String, String> m = new LinkedHashMap<>(resolutionCodes);
    m.put(Objects.requireNonNull(code, "code"), Objects.requireNonNull(description, "description"));
    return of(m, closeCodes);
  }

  /**
   * Returns a copy with a close code added (or its description replaced).
   *
   * @param code the code, {@code [A-Z][A-Z0-9_]*}
   * @param description what it means, not blank
   * @return the new catalogue
   * @throws ValidationException if the code or description is malformed, or the code is a
   *     resolution code
   */
  public ResolutionCodes withCloseCode(String code, String description) {
    Map<String, String> m = new LinkedHashMap<>(closeCodes);
    m.put(Objects.requireNonNull(code, "code"), Objects.requireNonNull(description, "description"));
    return of(resolutionCodes, m);
  }

  /**
   * Returns the resolution codes with their descriptions.
   *
   * @return an immutable map in catalogue order
   */
  public Map<String, String> resolutionCodes() {
    return resolutionCodes;
  }

  /**
   * Returns the codes for closing without a resolution, with their descriptions.
   *
   * @return an immutable map in catalogue order
   */
  public Map<String, String> closeCodes() {
    return closeCodes;
  }

  /**
   * Checks a resolution code.
   *
   * @param code the code given
   * @param incidentId the incident, for the message
   * @throws ValidationException naming the code, the incident, the allowed codes and the closest
   *     one, if the code is not a resolution code
   */
  public void checkResolutionCode(String code, String incidentId) {
    Objects.requireNonNull(code, "code");
    if (!resolutionCodes.containsKey(code)) {
      throw new ValidationException("resolution code '" + code + "' for incident " + incidentId
          + " is not in the desk's catalogue; allowed: " + String.join(", ", resolutionCodes.keySet())
          + hint(code, closeCodes, "a close code: use closeWithoutResolution")
          + Suggestions.didYouMean(code, resolutionCodes.keySet()));
    }
  }

  /**
   * Checks a close code (closing without a resolution).
   *
   * @param code the code given
   * @param incidentId the incident, for the message
   * @throws ValidationException naming the code, the incident, the allowed codes and the closest
   *     one, if the code is not a close code
   */
  public void checkCloseCode(String code, String incidentId) {
    Objects.requireNonNull(code, "code");
    if (!closeCodes.containsKey(code)) {
      throw new ValidationException("close code '" + code + "' for incident " + incidentId
          + " is not in the desk's catalogue; allowed: "
          + (closeCodes.isEmpty() ? "none (this desk does not close incidents without a resolution)"
              : String.join(", ", closeCodes.keySet()))
          + hint(code, resolutionCodes, "a resolution code: use proposeResolution")
          + Suggestions.didYouMean(code, closeCodes.keySet()));
    }
  }

  private static String hint(String code, Map<String, String> other, String what) {
    return other.containsKey(code) ? "; " + code + " is " + what : "";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolutionCodes r && resolutionCodes.equals(r.resolutionCodes)
        && closeCodes.equals(r.closeCodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resolutionCodes, closeCodes);
  }

  @Override
  public String toString() {
    return "ResolutionCodes{resolution " + resolutionCodes.keySet() + ", close " + closeCodes.keySet() + "}";
  }
}
