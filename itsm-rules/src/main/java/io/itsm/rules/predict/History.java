package io.itsm.rules.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.ValidationException;
import io.itsm.core.incident.Priority;
import io.itsm.core.json.ItsmJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a team's history as JSON Lines: one past incident per line, in the ticket format of
 * {@code docs/json.md} plus what people decided about it.
 *
 * <pre>{@code
 * {"id": "INC-1041", "title": "vpn keeps dropping", "caller": {"id": "u7", "language": "de"},
 *  "category": "network", "team": "network-ops", "priority": "P3",
 *  "resolution": "reinstalled the vpn client", "open": false}
 * }</pre>
 *
 * <p>{@code category}, {@code team}, {@code priority} ({@code P1}–{@code P5}), {@code resolution}
 * and {@code open} (default false) are optional. Blank lines are skipped. Every bad line is
 * reported ({@code line 12: ...}), up to {@value #MAX_PROBLEMS}, and nothing is returned then.
 *
 * <p>Stateless and thread-safe.
 */
public final class History {

  /** The most problems one error lists. */
  public static final int MAX_PROBLEMS = 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ItsmJson TICKETS = ItsmJson.defaults();

  private History() {}

  /**
   * Reads a history file (UTF-8 JSON Lines).
   *
   * @param file the file
   * @return the past incidents in file order
   * @throws ValidationException naming each bad line, or if the file cannot be read
   */
  public static List<PastIncident> read(Path file) {
    Objects.requireNonNull(file, "file");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    } catch (IOException e) {
      throw new ValidationException("history " + file + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads a history from JSON Lines text (the reader is not closed).
   *
   * @param in the text
   * @param source its name, for error messages
   * @return the past incidents in order
   * @throws ValidationException naming each bad line
   */
  public static List<PastIncident> read(Reader in, String source) {
    Objects.requireNonNull(in, "in");
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<PastIncident> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int lineNumber = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(parse(line));
        } catch (ValidationException | IOException e) {
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(source + " line " + lineNumber + ": " + e.getMessage());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return List.copyOf(out);
  }

  private static PastIncident parse(String line) throws IOException {
    JsonNode node = JSON.readTree(line);
    if (node == null || !node.isObject()) {
      throw new ValidationException("must be a JSON object, but was " + line.strip());
    }
    ObjectNode o = (ObjectNode) node;
    String category = text(o.remove("category"), "category");
    String team = text(o.remove("team"), "team");
    String priorityText = text(o.remove("priority"), "priority");
    String resolution = text(o.remove("resolution"), "resolution");
    JsonNode openNode = o.remove("open");
    if (openNode != null && !openNode.isNull() && !openNode.isBoolean()) {
      throw new ValidationException("open must be true or false, but was " + openNode);
    }
    Priority priority = null;
    if (priorityText != null) {
      try {
        priority = Priority.valueOf(priorityText);
      } catch (IllegalArgumentException e) {
        throw new ValidationException("priority must be one of "
            + Arrays.toString(Priority.values()) + ", but was \"" + priorityText + "\"");
      }
    }
    return new PastIncident(
        TICKETS.readTicket(JSON.writeValueAsString(o)), category, team, priority, resolution,
        openNode != null && openNode.asBoolean());
  }

  private static String text(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw new ValidationException(name + " must be a non-blank string, but was " + node);
    }
    return node.textValue();
  }

  /**
   * Writes past incidents as JSON Lines in the format {@link #read} reads.
   *
   * @param incidents the incidents
   * @return the text, one line per incident
   */
  public static String toJsonLines(List<PastIncident> incidents) {
    StringBuilder sb = new StringBuilder();
    try {
      for (PastIncident p : incidents) {
        ObjectNode o = (ObjectNode) JSON.readTree(TICKETS.writeTicket(p.ticket()));
        if (p.category() != null) {
          o.put("category", p.category());
        }
        if (p.team() != null) {
          o.put("team", p.team());
        }
        if (p.priority() != null) {
          o.put("priority", p.priority().name());
        }
        if (p.resolution() != null) {
          o.put("resolution", p.resolution());
        }
        if (p.open()) {
          o.put("open", true);
        }
        sb.append(JSON.writeValueAsString(o)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }
}
