package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.json.Scalars.NotBlank;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.review.PlannedAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewScope;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyQuestion;
import java.util.List;

/**
 * The Jackson annotations of the improvement practices' records, kept out of the model (as {@link
 * Mixins} does for incidents): each event family is written with {@code "type"} first, the simple
 * name of the record, and every record its sealed interface permits is registered; ids and a few
 * texts must not be blank.
 */
final class ImprovementMixins {

  /** The event families, each a sealed interface. */
  static final List<Class<?>> EVENT_FAMILIES = List.of(ProblemEvent.class, ReviewEvent.class,
      PreventiveActionEvent.class, SurveyEvent.class);

  private ImprovementMixins() {}

  static void register(MapperBuilder<?, ?> b) {
    b.addMixIn(ProblemEvent.class, ProblemEventMixin.class)
        .addMixIn(ReviewEvent.class, ReviewEventMixin.class)
        .addMixIn(PreventiveActionEvent.class, ActionEventMixin.class)
        .addMixIn(SurveyEvent.class, SurveyEventMixin.class)
        .addMixIn(RecordRef.class, RecordRefMixin.class)
        .addMixIn(SurveyQuestion.class, QuestionMixin.class)
        .addMixIn(PlannedAction.class, PlannedActionMixin.class)
        .addMixIn(ReviewScope.class, ScopeMixin.class);
    for (Class<?> family : EVENT_FAMILIES) {
      for (Class<?> type : family.getPermittedSubclasses()) {
        b.registerSubtypes(new NamedType(type, type.getSimpleName()));
      }
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface ProblemEventMixin {
    @NotBlank String problemId();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface ReviewEventMixin {
    @NotBlank String reviewId();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface ActionEventMixin {
    @NotBlank String actionId();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface SurveyEventMixin {
    @NotBlank String surveyId();
  }

  interface RecordRefMixin {
    @NotBlank String id();
  }

  interface QuestionMixin {
    @NotBlank String key();
    @NotBlank String text();
  }

  interface PlannedActionMixin {
    @NotBlank String title();
    @NotBlank String owner();
    @NotBlank String team();
  }

  interface ScopeMixin {
    @NotBlank String subjectId();
  }
}
