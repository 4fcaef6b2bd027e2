package io.itsm.jdbc;

import io.itsm.core.kernel.Stores;
import io.itsm.core.problem.InMemoryProblemRepository;
import io.itsm.core.problem.ProblemRepository;
import io.itsm.core.review.InMemoryPreventiveActionRepository;
import io.itsm.core.review.InMemoryReviewRepository;
import io.itsm.core.review.PreventiveActionRepository;
import io.itsm.core.review.ReviewRepository;
import io.itsm.core.survey.InMemorySurveyRepository;
import io.itsm.core.survey.SurveyRepository;

/** The improvement repositories' contract on the in-memory ones, the baseline of the JDBC ones. */
class InMemoryImprovementRepositoryTest extends ImprovementRepositoryContract {

  @Override
  Stores newStores() {
    return Stores.none()
        .with(ProblemRepository.class, new InMemoryProblemRepository())
        .with(ReviewRepository.class, new InMemoryReviewRepository())
        .with(PreventiveActionRepository.class, new InMemoryPreventiveActionRepository())
        .with(SurveyRepository.class, new InMemorySurveyRepository());
  }
}
