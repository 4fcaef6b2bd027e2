package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * A word of the search that an article matched, and where: part of the explanation of why an
 * article was found ("matched 'vpn' in title, steps").
 *
 * <p>Immutable and thread-safe.
 *
 * @param word the word as the searcher wrote it (folded to lower case, without accents)
 * @param fields where the article has it: {@code "title"}, {@code "symptoms"}, {@code "steps"}
 *     (steps and workaround); not empty
 */
public record MatchedTerm(String word, List<String> fields) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the word is blank or there is no field
   */
  public MatchedTerm {
    Objects.requireNonNull(word, "word");
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    if (word.isBlank() || fields.isEmpty()) {
      throw new ValidationException("a matched term needs a word and at least one field");
    }
  }

  @Override
  public String toString() {
    return "'" + word + "' in " + String.join(", ", fields);
  }
}
