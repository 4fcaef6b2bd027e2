package io.itsm.core.improvement;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * A typed reference to a record of another practice, by id: the change, problem or knowledge
 * article that implements a preventive action, the change that fixed a problem. The reference is
 * not checked against the other practice (it may live in another system); it names the kind so a
 * reader knows where to look. {@link #toString()} is {@code "CHANGE CHG-000042"}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what kind of record it is
 * @param id the record's id in its practice; not blank
 */
public record RecordRef(RecordKind kind, String id) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code id} is blank
   */
  public RecordRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new ValidationException("the id of a " + kind + " reference must not be blank, but was '"
          + id + "'");
    }
  }

  /**
   * A reference to a change request.
   *
   * @param id the change's id
   * @return the reference
   */
  public static RecordRef change(String id) {
    return new RecordRef(RecordKind.CHANGE, id);
  }

  /**
   * A reference to a problem.
   *
   * @param id the problem's id
   * @return the reference
   */
  public static RecordRef problem(String id) {
    return new RecordRef(RecordKind.PROBLEM, id);
  }

  /**
   * A reference to a knowledge article.
   *
   * @param id the article's id
   * @return the reference
   */
  public static RecordRef article(String id) {
    return new RecordRef(RecordKind.KNOWLEDGE_ARTICLE, id);
  }

  /**
   * Returns {@code "<KIND> <id>"}, for example {@code "CHANGE CHG-000042"}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return kind + " " + id;
  }
}
