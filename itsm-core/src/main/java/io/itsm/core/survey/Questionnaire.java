package io.itsm.core.survey;

import io.itsm.core.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The questions a desk's surveys ask. Every questionnaire has the required question {@value
 * #OVERALL} (overall satisfaction, the customer-satisfaction score); the others are the desk's
 * choice. The default ({@link #defaults()}) asks overall satisfaction (required), and response
 * time, skill and communication (optional).
 *
 * <pre>{@code
 * Questionnaire q = Questionnaire.defaults()
 *     .with(new SurveyQuestion("followUp", "Were you kept up to date?", false));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param questions the questions, in the order asked; keys unique; one is {@value #OVERALL}
 */
public record Questionnaire(List<SurveyQuestion> questions) {

  /** The key of the overall-satisfaction question every questionnaire has. */
  public static final String OVERALL = "overall";

  /** The lowest score of every question. */
  public static final int MIN_SCORE = 1;

  /** The highest score of every question. */
  public static final int MAX_SCORE = 5;

  private static final Questionnaire DEFAULTS = new Questionnaire(List.of(
      new SurveyQuestion(OVERALL, "Overall, how satisfied are you with how we handled your request?",
          true),
      new SurveyQuestion("responseTime", "How satisfied are you with how quickly we responded?",
          false),
      new SurveyQuestion("skill", "How satisfied are you with the knowledge and skill of the people"
          + " who helped you?", false),
      new SurveyQuestion("communication", "How satisfied are you with how we kept you informed?",
          false)));

  /**
   * Validates and copies the questions.
   *
   * @throws NullPointerException if the list or a question is null
   * @throws ValidationException if a key repeats, or there is no required {@value #OVERALL}
   *     question
   */
  public Questionnaire {
    questions = List.copyOf(Objects.requireNonNull(questions, "questions"));
    Set<String> keys = new LinkedHashSet<>();
    for (SurveyQuestion q : questions) {
      if (!keys.add(q.key())) {
        throw new ValidationException("survey question keys must be unique, but '" + q.key()
            + "' is repeated");
      }
    }
    boolean overall = questions.stream().anyMatch(q -> q.key().equals(OVERALL) && q.required());
    if (!overall) {
      throw new ValidationException("a questionnaire must have the required question '" + OVERALL
          + "' (overall satisfaction, the CSAT score), but its questions are " + keys);
    }
  }

  /**
   * Returns the default questions: overall (required), responseTime, skill, communication.
   *
   * @return the questionnaire
   */
  public static Questionnaire defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with one more question at the end.
   *
   * @param question the question
   * @return the copy
   * @throws ValidationException if its key is taken
   */
  public Questionnaire with(SurveyQuestion question) {
    List<SurveyQuestion> next = new ArrayList<>(questions);
    next.add(Objects.requireNonNull(question, "question"));
    return new Questionnaire(next);
  }

  /**
   * Returns a copy without a question.
   *
   * @param key the question's key
   * @return the copy
   * @throws ValidationException if {@code key} is {@value #OVERALL} or no question has it
   */
  public Questionnaire without(String key) {
    Objects.requireNonNull(key, "key");
    if (find(key).isEmpty()) {
      throw new ValidationException("no survey question has the key '" + key + "'; keys: " + keys());
    }
    return new Questionnaire(questions.stream().filter(q -> !q.key().equals(key)).toList());
  }

  /**
   * Finds a question.
   *
   * @param key its key
   * @return the question, or empty
   */
  public Optional<SurveyQuestion> find(String key) {
    return questions.stream().filter(q -> q.key().equals(key)).findFirst();
  }

  /**
   * Returns the keys, in the order asked.
   *
   * @return the keys
   */
  public List<String> keys() {
    return questions.stream().map(SurveyQuestion::key).toList();
  }

  /**
   * Checks answers against these questions.
   *
   * @param surveyId the survey, for messages
   * @param scores the scores by question key
   * @throws ValidationException naming every problem: an unknown key (with the known keys), a
   *     score outside {@value #MIN_SCORE} to {@value #MAX_SCORE}, a required question without a
   *     score
   */
  public void check(String surveyId, Map<String, Integer> scores) {
    Objects.requireNonNull(scores, "scores");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Integer> e : scores.entrySet()) {
      if (find(e.getKey()).isEmpty()) {
        problems.add("'" + e.getKey() + "' is not a question of survey " + surveyId + "; its"
            + " questions are " + keys());
      } else if (e.getValue() == null || e.getValue() < MIN_SCORE || e.getValue() > MAX_SCORE) {
        problems.add("the score of '" + e.getKey() + "' must be " + MIN_SCORE + " to " + MAX_SCORE
            + ", but was " + e.getValue());
      }
    }
    for (SurveyQuestion q : questions) {
      if (q.required() && !scores.containsKey(q.key())) {
        problems.add("'" + q.key() + "' must be answered (it is required), but has no score");
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
