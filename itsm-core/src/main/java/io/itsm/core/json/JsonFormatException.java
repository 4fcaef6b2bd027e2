package io.itsm.core.json;

import io.itsm.core.ItsmException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Thrown when JSON cannot be read as a ticket, incident, event, history or approval: the text is
 * malformed, a property is unknown, a value has the wrong type or is not one of the allowed values,
 * or the model rejects the values ({@link io.itsm.core.ValidationException}s from builders and
 * records are wrapped in this exception, as its cause).
 *
 * <p>The exception names where the problem is: {@link #getPath()} is a JSON path from the document
 * root {@code $}, such as {@code $.caller.vip} or {@code $.events[3].priority}; {@link #getLine()}
 * and {@link #getColumn()} give the position in the text when it is known. {@link #getProblem()}
 * names the path, the problem and the allowed values, for example {@code "channel: 'FAX' is not
 * one of PHONE, EMAIL, CHAT, PORTAL, MONITORING, WALK_IN"}; {@link #getMessage()} adds the position
 * as {@code " (line 3, column 14)"}.
 *
 * <p>Instances are immutable once thrown.
 */
public class JsonFormatException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;
  private final long line;
  private final long column;

  /**
   * Creates an exception.
   *
   * @param path the JSON path of the offending value, starting with {@code $}
   * @param problem what is wrong and what would be valid, naming the path
   * @param line the 1-based line of the offending value, or a value below 1 when unknown
   * @param column the 1-based column of the offending value, or a value below 1 when unknown
   * @param cause the underlying cause, or {@code null}
   * @throws NullPointerException if {@code path} or {@code problem} is null
   */
  public JsonFormatException(String path, String problem, long line, long column, Throwable cause) {
    super(
        Objects.requireNonNull(problem, "problem") + position(line, column),
        null,
        cause);
    this.path = Objects.requireNonNull(path, "path");
    this.problem = problem;
    this.line = line < 1 ? 0 : line;
    this.column = line < 1 || column < 1 ? 0 : column;
  }

  private static String position(long line, long column) {
    if (line < 1) {
      return "";
    }
    return column < 1 ? " (line " + line + ")" : " (line " + line + ", column " + column + ")";
  }

  /**
   * Returns the JSON path of the offending value, for example {@code $.caller.vip}; {@code $} is
   * the document itself.
   *
   * @return the path, never empty
   */
  public String getPath() {
    return path;
  }

  /**
   * Returns the problem without the position: the path, what is wrong and what would be valid.
   *
   * @return the problem
   */
  public String getProblem() {
    return problem;
  }

  /**
   * Returns the 1-based line of the offending value, when known. For JSON Lines input this is the
   * line of the file.
   *
   * @return the line, or empty
   */
  public OptionalLong getLine() {
    return line < 1 ? OptionalLong.empty() : OptionalLong.of(line);
  }

  /**
   * Returns the 1-based column of the offending value, when known.
   *
   * @return the column, or empty
   */
  public OptionalLong getColumn() {
    return column < 1 ? OptionalLong.empty() : OptionalLong.of(column);
  }

  /** A copy whose line is {@code fileLine} (JSON Lines parse one line at a time, as line 1). */
  JsonFormatException atLine(long fileLine) {
    return new JsonFormatException(path, problem, fileLine, column, getCause());
  }
}
