package io.itsm.core.improvement;

import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.problem.ProblemHistory;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.PreventiveActionHistory;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewHistory;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyHistory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The records of the improvement practices as their event histories: what {@link
 * Improvement#export()} takes and {@code ItsmJson.improvement().writeExport/readExport} write and
 * read (JSON Lines, one record a line; see docs/improvement.md). The states are rebuilt from the
 * events ({@link #problems()}, ...).
 *
 * <p>Immutable and thread-safe.
 *
 * @param exportedAt when the export was taken, if known
 * @param problems each problem's history
 * @param reviews each review's history
 * @param actions each preventive action's history
 * @param surveys each survey's history
 */
public record ImprovementExport(
    Optional<Instant> exportedAt,
    List<List<ProblemEvent>> problems,
    List<List<ReviewEvent>> reviews,
    List<List<PreventiveActionEvent>> actions,
    List<List<SurveyEvent>> surveys) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component or a history is null
   * @throws io.itsm.core.ValidationException if a history is empty
   */
  public ImprovementExport {
    Objects.requireNonNull(exportedAt, "exportedAt");
    problems = copy(problems, "problems");
    reviews = copy(reviews, "reviews");
    actions = copy(actions, "actions");
    surveys = copy(surveys, "surveys");
  }

  private static <E> List<List<E>> copy(List<List<E>> histories, String what) {
    Objects.requireNonNull(histories, what);
    return histories.stream().map(h -> {
      if (h.isEmpty()) {
        throw new io.itsm.core.ValidationException("an exported history of " + what
            + " must not be empty");
      }
      return List.copyOf(h);
    }).toList();
  }

  /**
   * Rebuilds the problems.
   *
   * @return the problems, in export order
   * @throws io.itsm.core.ValidationException if a history does not replay
   */
  public List<Problem> problemStates() {
    return problems.stream().map(ProblemHistory::replay).toList();
  }

  /**
   * Rebuilds the reviews.
   *
   * @return the reviews, in export order
   * @throws io.itsm.core.ValidationException if a history does not replay
   */
  public List<PostIncidentReview> reviewStates() {
    return reviews.stream().map(ReviewHistory::replay).toList();
  }

  /**
   * Rebuilds the preventive actions.
   *
   * @return the actions, in export order
   * @throws io.itsm.core.ValidationException if a history does not replay
   */
  public List<PreventiveAction> actionStates() {
    return actions.stream().map(PreventiveActionHistory::replay).toList();
  }

  /**
   * Rebuilds the surveys.
   *
   * @return the surveys, in export order
   * @throws io.itsm.core.ValidationException if a history does not replay
   */
  public List<Survey> surveyStates() {
    return surveys.stream().map(SurveyHistory::replay).toList();
  }

  /**
   * Returns how many events the export holds.
   *
   * @return the count
   */
  public long eventCount() {
    return problems.stream().mapToLong(List::size).sum()
        + reviews.stream().mapToLong(List::size).sum()
        + actions.stream().mapToLong(List::size).sum()
        + surveys.stream().mapToLong(List::size).sum();
  }

  /**
   * Returns how many records the export holds.
   *
   * @return the count
   */
  public int recordCount() {
    return problems.size() + reviews.size() + actions.size() + surveys.size();
  }
}
