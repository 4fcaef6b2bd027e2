package io.itsm.jdbc;

import io.itsm.core.ValidationException;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How incident numbers from the database sequence become ids: a {@link String#format} pattern
 * with one {@code %d} (optionally zero-padded), for example {@code "INC-%06d"}; and back, to keep
 * the sequence ahead of imported ids.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pattern the pattern
 */
record IncidentIdFormat(String pattern) {

  private static final Pattern SHAPE = Pattern.compile("([^%]*)%(0[1-9][0-9]?)?d([^%]*)");

  IncidentIdFormat {
    Objects.requireNonNull(pattern, "pattern");
    if (!SHAPE.matcher(pattern).matches()) {
      throw new ValidationException("incidentIdFormat must contain exactly one %d or %0Nd and no"
          + " other %, for example \"INC-%06d\", but was \"" + pattern + "\"");
    }
  }

  String format(long number) {
    return String.format(Locale.ROOT, pattern, number);
  }

  /** The number in an id of this format, or empty when the id is not of this format. */
  OptionalLong number(String id) {
    Matcher m = SHAPE.matcher(pattern);
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    String prefix = m.group(1);
    String suffix = m.group(3);
    if (!id.startsWith(prefix) || !id.endsWith(suffix) || id.length() <= prefix.length() + suffix.length()) {
      return OptionalLong.empty();
    }
    String digits = id.substring(prefix.length(), id.length() - suffix.length());
    if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits));
  }
}
