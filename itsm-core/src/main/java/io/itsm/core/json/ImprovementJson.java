package io.itsm.core.json;

import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyEvent;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Reads and writes the records of the improvement practices — problems, post-incident reviews,
 * preventive actions, satisfaction surveys — their events and their export, in the format of
 * docs/json.md (the same rules as incidents: records property by property, events with {@code
 * "type"} first, strict reading, errors naming the JSON path and the allowed values). Get it from
 * {@link ItsmJson#improvement()}.
 *
 * <pre>{@code
 * ImprovementJson json = ItsmJson.defaults().improvement();
 * String line = json.writeEvent(reviewEvent);         // {"type":"ReviewApproved","reviewId":...}
 * try (Writer out = Files.newBufferedWriter(file)) {
 *   json.writeExport(out, improvement.export());      // JSON Lines: header, a line per record, trailer
 * }
 * }</pre>
 *
 * <h2>The export</h2>
 *
 * JSON Lines: a header {@code {"itsmExport":1,"exportedAt":"..."}}, one line per record {@code
 * {"aggregate":"review","id":"PIR-000001","events":[...]}} with its whole history (aggregates
 * {@value #PROBLEM}, {@value #REVIEW}, {@value #ACTION}, {@value #SURVEY}), and a trailer {@code
 * {"end":true,"records":N,"events":M}}. The layout is the store's backup (docs/store.md): a backup
 * of a store, whose header is {@code {"itsmStore":...}} and whose incident lines ({@code
 * "aggregate":"incident"}) are skipped, reads as well.
 *
 * <p>Immutable and thread-safe.
 */
public final class ImprovementJson {

  /** The export format version written in the header. */
  public static final int EXPORT_FORMAT = 1;

  /** The aggregate name of problems in an export. */
  public static final String PROBLEM = "problem";

  /** The aggregate name of post-incident reviews in an export. */
  public static final String REVIEW = "review";

  /** The aggregate name of preventive actions in an export. */
  public static final String ACTION = "preventive-action";

  /** The aggregate name of surveys in an export. */
  public static final String SURVEY = "survey";

  private final ItsmJson json;
  private final ImprovementExportLines lines;

  ImprovementJson(ItsmJson json) {
    this.json = json;
    this.lines = new ImprovementExportLines(json, this);
  }

  // ---------------------------------------------------------------- events

  /**
   * Writes a problem event.
   *
   * @param event the event
   * @return the JSON text
   */
  public String writeEvent(ProblemEvent event) {
    return json.write(Objects.requireNonNull(event, "event"), ProblemEvent.class);
  }

  /**
   * Writes a review event.
   *
   * @param event the event
   * @return the JSON text
   */
  public String writeEvent(ReviewEvent event) {
    return json.write(Objects.requireNonNull(event, "event"), ReviewEvent.class);
  }

  /**
   * Writes a preventive-action event.
   *
   * @param event the event
   * @return the JSON text
   */
  public String writeEvent(PreventiveActionEvent event) {
    return json.write(Objects.requireNonNull(event, "event"), PreventiveActionEvent.class);
  }

  /**
   * Writes a survey event.
   *
   * @param event the event
   * @return the JSON text
   */
  public String writeEvent(SurveyEvent event) {
    return json.write(Objects.requireNonNull(event, "event"), SurveyEvent.class);
  }

  /**
   * Reads a problem event.
   *
   * @param text the JSON text
   * @return the event
   * @throws JsonFormatException naming the path and the problem
   */
  public ProblemEvent readProblemEvent(String text) {
    return ItsmJson.read(text, ProblemEvent.class);
  }

  /**
   * Reads a review event.
   *
   * @param text the JSON text
   * @return the event
   * @throws JsonFormatException naming the path and the problem
   */
  public ReviewEvent readReviewEvent(String text) {
    return ItsmJson.read(text, ReviewEvent.class);
  }

  /**
   * Reads a preventive-action event.
   *
   * @param text the JSON text
   * @return the event
   * @throws JsonFormatException naming the path and the problem
   */
  public PreventiveActionEvent readActionEvent(String text) {
    return ItsmJson.read(text, PreventiveActionEvent.class);
  }

  /**
   * Reads a survey event.
   *
   * @param text the JSON text
   * @return the event
   * @throws JsonFormatException naming the path and the problem
   */
  public SurveyEvent readSurveyEvent(String text) {
    return ItsmJson.read(text, SurveyEvent.class);
  }

  // ---------------------------------------------------------------- records

  /**
   * Writes a problem's state.
   *
   * @param problem the problem
   * @return the JSON text
   */
  public String writeProblem(Problem problem) {
    return json.write(Objects.requireNonNull(problem, "problem"), Problem.class);
  }

  /**
   * Reads a problem's state.
   *
   * @param text the JSON text
   * @return the problem
   * @throws JsonFormatException naming the path and the problem
   */
  public Problem readProblem(String text) {
    return ItsmJson.read(text, Problem.class);
  }

  /**
   * Writes a review's state.
   *
   * @param review the review
   * @return the JSON text
   */
  public String writeReview(PostIncidentReview review) {
    return json.write(Objects.requireNonNull(review, "review"), PostIncidentReview.class);
  }

  /**
   * Reads a review's state.
   *
   * @param text the JSON text
   * @return the review
   * @throws JsonFormatException naming the path and the problem
   */
  public PostIncidentReview readReview(String text) {
    return ItsmJson.read(text, PostIncidentReview.class);
  }

  /**
   * Writes a preventive action's state.
   *
   * @param action the action
   * @return the JSON text
   */
  public String writeAction(PreventiveAction action) {
    return json.write(Objects.requireNonNull(action, "action"), PreventiveAction.class);
  }

  /**
   * Reads a preventive action's state.
   *
   * @param text the JSON text
   * @return the action
   * @throws JsonFormatException naming the path and the problem
   */
  public PreventiveAction readAction(String text) {
    return ItsmJson.read(text, PreventiveAction.class);
  }

  /**
   * Writes a survey's state.
   *
   * @param survey the survey
   * @return the JSON text
   */
  public String writeSurvey(Survey survey) {
    return json.write(Objects.requireNonNull(survey, "survey"), Survey.class);
  }

  /**
   * Reads a survey's state.
   *
   * @param text the JSON text
   * @return the survey
   * @throws JsonFormatException naming the path and the problem
   */
  public Survey readSurvey(String text) {
    return ItsmJson.read(text, Survey.class);
  }

  // ---------------------------------------------------------------- export

  /**
   * Writes an export as JSON Lines (see the class description); each line is compact, whatever
   * this instance's layout.
   *
   * @param out where to write; not closed
   * @param export the records
   * @throws UncheckedIOException if writing fails
   */
  public void writeExport(Writer out, ImprovementExport export) {
    lines.write(out, export);
  }

  /**
   * Reads an export (or a store backup, whose incidents are skipped). Every record's history is
   * checked to replay.
   *
   * @param in the JSON Lines; not closed
   * @return the records
   * @throws JsonFormatException naming the line and the problem: malformed JSON, an unknown
   *     aggregate (with the known ones), a bad event, a history that does not replay, a missing
   *     header or trailer, counts that do not match the trailer
   * @throws UncheckedIOException if reading fails
   */
  public ImprovementExport readExport(Reader in) {
    return lines.read(in);
  }

  @Override
  public String toString() {
    return "ImprovementJson{" + json + "}";
  }
}
