package io.itsm.core.json;

import static io.itsm.core.json.ImprovementJson.ACTION;
import static io.itsm.core.json.ImprovementJson.EXPORT_FORMAT;
import static io.itsm.core.json.ImprovementJson.PROBLEM;
import static io.itsm.core.json.ImprovementJson.REVIEW;
import static io.itsm.core.json.ImprovementJson.SURVEY;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.itsm.core.ValidationException;
import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.ReviewEvent;
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
 * The JSON Lines of an improvement export (see {@link ImprovementJson}): its header, record and
 * trailer lines, writing them, and reading them back from an export or a store backup with every
 * history checked to replay. Immutable and thread-safe.
 */
final class ImprovementExportLines {

  private static final List<String> AGGREGATES = List.of(PROBLEM, REVIEW, ACTION, SURVEY);

  private final ItsmJson json;
  private final ImprovementJson events;

  /**
   * Makes the export lines.
   *
   * @param json the mapping the lines are written with
   * @param events reads the events of a store backup's record lines
   */
  ImprovementExportLines(ItsmJson json, ImprovementJson events) {
    this.json = json;
    this.events = events;
  }

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

  /** See {@link ImprovementJson#writeExport}. */
  void write(Writer out, ImprovementExport export) {
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

  /** See {@link ImprovementJson#readExport}. */
  ImprovementExport read(Reader in) {
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
      case PROBLEM -> problems.add(checked(payloads(payloads, events::readProblemEvent),
          io.itsm.core.problem.ProblemHistory::replay));
      case REVIEW -> reviews.add(checked(payloads(payloads, events::readReviewEvent),
          io.itsm.core.review.ReviewHistory::replay));
      case ACTION -> actions.add(checked(payloads(payloads, events::readActionEvent),
          io.itsm.core.review.PreventiveActionHistory::replay));
      default -> surveys.add(checked(payloads(payloads, events::readSurveyEvent),
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
}
