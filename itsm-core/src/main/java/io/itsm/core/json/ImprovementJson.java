package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.itsm.core.ValidationException;
import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

  private static final List<String> AGGREGATES = List.of(PROBLEM, REVIEW, ACTION, SURVEY);

  private final ItsmJson json;

  ImprovementJson(ItsmJson json) {
    this.json = json;
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

  /** The header line of an export. */
  record ExportHeader(@JsonProperty(required = true) Integer itsmExport,
      Optional<Instant> exportedAt) {}

  /** The trailer line of an export (and of a store backup). */
  record ExportTrailer(@JsonProperty(required = true) Boolean end,
      @JsonProperty(defaultValue = "0") long records, @JsonProperty(defaultValue = "0") long events,
      @JsonProperty(defaultValue = "0") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          long incidents) {}

  /** A problem's line. */
  record ProblemLine(String aggregate, String id,
      @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
          List<ProblemEvent> events) {}

  /** A review's line. */
  record ReviewLine(String aggregate, String id,
      @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
          List<ReviewEvent> events) {}

  /** A preventive action's line. */
  record ActionLine(String aggregate, String id,
      @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
          List<PreventiveActionEvent> events) {}

  /** A survey's line. */
  record SurveyLine(String aggregate, String id,
      @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
          List<SurveyEvent> events) {}

  /**
   * Writes an export as JSON Lines (see the class description); each line is compact, whatever
   * this instance's layout.
   *
   * @param out where to write; not closed
   * @param export the records
   * @throws UncheckedIOException if writing fails
   */
  public void writeExport(Writer out, ImprovementExport export) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(export, "export");
    ItsmJson compact = json.withPrettyPrinting(false);
    try {
      out.write(compact.write(new ExportHeader(EXPORT_FORMAT, export.exportedAt()),
          ExportHeader.class));
      out.write('\n');
      for (List<ProblemEvent> h : export.problems()) {
        out.write(compact.write(new ProblemLine(PROBLEM, h.get(0).problemId(), h),
            ProblemLine.class));
        out.write('\n');
      }
      for (List<ReviewEvent> h : export.reviews()) {
        out.write(compact.write(new ReviewLine(REVIEW, h.get(0).reviewId(), h), ReviewLine.class));
        out.write('\n');
      }
      for (List<PreventiveActionEvent> h : export.actions()) {
        out.write(compact.write(new ActionLine(ACTION, h.get(0).actionId(), h), ActionLine.class));
        out.write('\n');
      }
      for (List<SurveyEvent> h : export.surveys()) {
        out.write(compact.write(new SurveyLine(SURVEY, h.get(0).surveyId(), h), SurveyLine.class));
        out.write('\n');
      }
      out.write(compact.write(new ExportTrailer(true, export.recordCount(), export.eventCount(),
          0), ExportTrailer.class));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    Objects.requireNonNull(in, "in");
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<List<ProblemEvent>> problems = new ArrayList<>();
    List<List<ReviewEvent>> reviews = new ArrayList<>();
    List<List<PreventiveActionEvent>> actions = new ArrayList<>();
    List<List<SurveyEvent>> surveys = new ArrayList<>();
    Optional<Instant> exportedAt = Optional.empty();
    boolean header = false;
    boolean backup = false;
    ExportTrailer trailer = null;
    long number = 0;
    long skippedRecords = 0;
    long skippedEvents = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          if (trailer != null) {
            throw new JsonFormatException("$", "unexpected content after the trailer", 1, 1, null);
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> probe = ItsmJson.read(line, Map.class);
          if (!header) {
            if (probe.containsKey("itsmExport")) {
              exportedAt = ItsmJson.read(line, ExportHeader.class).exportedAt();
            } else if (probe.containsKey("itsmStore")) {
              backup = true;
            } else {
              throw new JsonFormatException("$", "the first line must be the header"
                  + " {\"itsmExport\":1,...} of an export (or {\"itsmStore\":...} of a store"
                  + " backup), but was " + abbreviate(line), 1, 1, null);
            }
            header = true;
            continue;
          }
          if (probe.containsKey("end")) {
            trailer = ItsmJson.read(line, ExportTrailer.class);
            continue;
          }
          Object aggregate = probe.get("aggregate");
          if ("incident".equals(aggregate)) {
            skippedRecords++;
            Object events = probe.get("events");
            skippedEvents += events instanceof List<?> l ? l.size() : 0;
            continue;
          }
          if (backup && AGGREGATES.contains(aggregate)) {
            readBackupLine((String) aggregate, probe, problems, reviews, actions, surveys);
          } else if (PROBLEM.equals(aggregate)) {
            problems.add(checked(ItsmJson.read(line, ProblemLine.class).events(),
                io.itsm.core.problem.ProblemHistory::replay));
          } else if (REVIEW.equals(aggregate)) {
            reviews.add(checked(ItsmJson.read(line, ReviewLine.class).events(),
                io.itsm.core.review.ReviewHistory::replay));
          } else if (ACTION.equals(aggregate)) {
            actions.add(checked(ItsmJson.read(line, ActionLine.class).events(),
                io.itsm.core.review.PreventiveActionHistory::replay));
          } else if (SURVEY.equals(aggregate)) {
            surveys.add(checked(ItsmJson.read(line, SurveyLine.class).events(),
                io.itsm.core.survey.SurveyHistory::replay));
          } else if (backup && aggregate instanceof String other && !other.isBlank()) {
            // another practice's record in a store backup (knowledge articles, ...)
            skippedRecords++;
          } else {
            throw new JsonFormatException("$.aggregate", "aggregate: " + (aggregate == null
                ? "required, but missing" : "'" + aggregate + "' is not one of")
                + (aggregate == null ? "; one of " : " ") + String.join(", ", AGGREGATES)
                + ", incident", 1, 1, null);
          }
        } catch (JsonFormatException e) {
          throw e.atLine(number);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!header) {
      throw new JsonFormatException("$", "the export is empty: it has no header line", 0, 0, null);
    }
    if (trailer == null) {
      throw new JsonFormatException("$", "the export is truncated: it ends without the trailer"
          + " {\"end\":true,...} after line " + number, number, 0, null);
    }
    ImprovementExport export = new ImprovementExport(exportedAt, problems, reviews, actions,
        surveys);
    boolean storeBackup = backup || trailer.incidents() > 0 || skippedRecords > 0;
    if (!storeBackup && (trailer.records() != export.recordCount()
        || trailer.events() != export.eventCount())) {
      throw new JsonFormatException("$", "the trailer counts " + trailer.records() + " records and "
          + trailer.events() + " events, but the export holds " + export.recordCount()
          + " records and " + export.eventCount() + " events: it is damaged", number, 0, null);
    }
    return export;
  }

  /**
   * Reads one of this module's records from a store backup's record line, {@code {"aggregate":
   * ...,"id":...,"version":N,"status":...,"updatedAt":...,"state":{...},"events":[{"sequence":1,
   * "type":...,"at":...,"actor":...,"payload":{...}},...]}}: the events are the payloads.
   */
  private void readBackupLine(String aggregate, Map<String, Object> line,
      List<List<ProblemEvent>> problems, List<List<ReviewEvent>> reviews,
      List<List<PreventiveActionEvent>> actions, List<List<SurveyEvent>> surveys) {
    if (!(line.get("events") instanceof List<?> rows)) {
      throw new JsonFormatException("$.events", "events: required, an array of the record's"
          + " events", 1, 1, null);
    }
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!(rows.get(i) instanceof Map<?, ?> row) || !(row.get("payload") instanceof Map<?, ?>)) {
        throw new JsonFormatException("$.events[" + i + "].payload", "events[" + i + "].payload:"
            + " required, the event as an object", 1, 1, null);
      }
      payloads.add(json.withPrettyPrinting(false).write(row.get("payload"), Object.class));
    }
    switch (aggregate) {
      case PROBLEM -> problems.add(checked(payloads(payloads, this::readProblemEvent),
          io.itsm.core.problem.ProblemHistory::replay));
      case REVIEW -> reviews.add(checked(payloads(payloads, this::readReviewEvent),
          io.itsm.core.review.ReviewHistory::replay));
      case ACTION -> actions.add(checked(payloads(payloads, this::readActionEvent),
          io.itsm.core.review.PreventiveActionHistory::replay));
      default -> surveys.add(checked(payloads(payloads, this::readSurveyEvent),
          io.itsm.core.survey.SurveyHistory::replay));
    }
  }

  private static <E> List<E> payloads(List<String> payloads,
      java.util.function.Function<String, E> read) {
    List<E> out = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      try {
        out.add(read.apply(payloads.get(i)));
      } catch (JsonFormatException e) {
        String at = "$.events[" + i + "].payload";
        throw new JsonFormatException(at + e.getPath().substring(1), "events[" + i + "].payload: "
            + e.getProblem(), 1, 1, e);
      }
    }
    return out;
  }

  private static <E> List<E> checked(List<E> events,
      java.util.function.Function<List<E>, ?> replay) {
    if (events.isEmpty()) {
      throw new JsonFormatException("$.events", "events: a record needs at least one event", 1, 1,
          null);
    }
    try {
      replay.apply(events);
    } catch (ValidationException e) {
      throw new JsonFormatException("$.events", "events: the history does not replay: "
          + e.getMessage(), 1, 1, e);
    }
    return events;
  }

  private static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }

  @Override
  public String toString() {
    return "ImprovementJson{" + json + "}";
  }
}
