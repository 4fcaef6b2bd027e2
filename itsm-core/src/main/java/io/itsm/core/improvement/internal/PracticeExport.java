package io.itsm.core.improvement.internal;

import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.problem.ProblemQuery;
import io.itsm.core.problem.ProblemRepository;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.review.ReviewRepository;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveyRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads every record of the improvement practices as its history, for {@link
 * io.itsm.core.improvement.Improvement#export()}. Each history is read on its own (a record
 * changed meanwhile is exported as it was when read).
 */
public final class PracticeExport {

  private PracticeExport() {}

  /**
   * Reads the export.
   *
   * @param at the instant the export is taken at
   * @param problems where problems are kept
   * @param reviews where reviews are kept
   * @param actions where preventive actions are kept
   * @param surveys where surveys are kept
   * @return the export
   */
  public static ImprovementExport read(Instant at, ProblemRepository problems,
      ReviewRepository reviews, PreventiveActionRepository actions, SurveyRepository surveys) {
    List<List<ProblemEvent>> p = new ArrayList<>();
    for (Problem x : problems.find(ProblemQuery.all())) {
      p.add(problems.history(x.id()));
    }
    List<List<ReviewEvent>> r = new ArrayList<>();
    for (PostIncidentReview x : reviews.find(ReviewQuery.all())) {
      r.add(reviews.history(x.id()));
    }
    List<List<PreventiveActionEvent>> a = new ArrayList<>();
    for (PreventiveAction x : actions.find(ActionQuery.all())) {
      a.add(actions.history(x.id()));
    }
    List<List<SurveyEvent>> s = new ArrayList<>();
    for (Survey x : surveys.find(SurveyQuery.all())) {
      s.add(surveys.history(x.id()));
    }
    return new ImprovementExport(Optional.of(at), p, r, a, s);
  }
}
