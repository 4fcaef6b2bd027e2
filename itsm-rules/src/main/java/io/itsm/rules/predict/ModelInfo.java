package io.itsm.rules.predict;

import io.itsm.core.ValidationException;
import io.itsm.core.triage.TriageAttribute;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model file records about its model: what it predicts, from what it was trained, by
 * what. The header of the model file (see {@code docs/learning.md#model-file}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the model's id, pinned in every decision it influences, such as {@code
 *     "category-3fa2c1d0"} (target and the first hex digits of the training set's digest and
 *     training time)
 * @param target what it predicts
 * @param labels the values it can predict, in the order of its weights
 * @param trainedAt when it was trained
 * @param trainer the learning library, its version and settings
 * @param library the itsm version that wrote it
 * @param trainingSetSize how many labelled tickets it was trained on
 * @param trainingSetSha256 the SHA-256 of the training tickets and labels, in training order
 * @param labelCounts how many training tickets had each label
 * @param evaluation the cross-validated figures measured before training, if any (name →
 *     value, such as {@code accuracy} → {@code 0.91}); empty when not evaluated
 */
public record ModelInfo(
    String id,
    TriageAttribute target,
    List<String> labels,
    Instant trainedAt,
    String trainer,
    String library,
    int trainingSetSize,
    String trainingSetSha256,
    Map<String, Integer> labelCounts,
    Map<String, Double> evaluation) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if there are fewer than two labels or the id is blank
   */
  public ModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(trainedAt, "trainedAt");
    Objects.requireNonNull(trainer, "trainer");
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(trainingSetSha256, "trainingSetSha256");
    labels = List.copyOf(labels);
    labelCounts = Map.copyOf(labelCounts);
    evaluation = Map.copyOf(evaluation);
    if (id.isBlank()) {
      throw new ValidationException("id must not be blank");
    }
    if (labels.size() < 2) {
      throw new ValidationException(
          "a model needs at least two labels, but has " + labels.size() + ": " + labels);
    }
  }
}
