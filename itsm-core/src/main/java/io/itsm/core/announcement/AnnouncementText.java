package io.itsm.core.announcement;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * An announcement in one language.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title a one-line headline; not blank
 * @param cause what happens and why
 * @param expectedImpact what users will notice
 * @param workaround what users can do meanwhile, maybe empty
 */
public record AnnouncementText(String title, String cause, String expectedImpact, String workaround) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the title is blank
   */
  public AnnouncementText {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(expectedImpact, "expectedImpact");
    Objects.requireNonNull(workaround, "workaround");
    if (title.isBlank()) {
      throw new ValidationException("title of an announcement text must not be blank");
    }
  }
}
