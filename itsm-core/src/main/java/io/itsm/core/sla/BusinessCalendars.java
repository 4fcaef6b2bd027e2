package io.itsm.core.sla;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.itsm.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads {@link BusinessCalendar}s from JSON. The format is described in {@code
 * docs/calendars.md}; in short, one object of one of three kinds:
 *
 * <pre>{@code
 * {"name": "stockholm-office", "zone": "Europe/Stockholm",
 *  "hours": {"MONDAY": [["08:00", "12:00"], ["13:00", "17:00"]], "FRIDAY": [["08:00", "15:00"]]},
 *  "holidays": ["2026-12-24"], "yearlyHolidays": ["12-25", "01-01"],
 *  "closed": ["2026-06-19"], "specialHours": {"2026-12-23": [["08:00", "12:00"]]}}
 *
 * {"name": "24x7", "alwaysOpen": true}
 *
 * {"name": "follow-the-sun", "union": [{...}, {...}]}
 * }</pre>
 *
 * <p>Every problem in the document is reported at once in one {@link ValidationException}, each
 * naming its JSON path (such as {@code union[1].hours.MONDAY[0][1]}) and what would be valid.
 *
 * <p>Stateless and thread-safe.
 */
public final class BusinessCalendars {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Set<String> HOURS_PROPERTIES =
      Set.of("name", "zone", "hours", "holidays", "yearlyHolidays", "closed", "specialHours");
  private static final String HOURS_PROPERTY_LIST =
      "name, zone, hours, holidays, yearlyHolidays, closed, specialHours";

  private BusinessCalendars() {}

  /**
   * Reads one calendar from a JSON document.
   *
   * @param json the document
   * @return the calendar
   * @throws NullPointerException if {@code json} is null
   * @throws ValidationException if the document is not well-formed JSON or does not describe a
   *     valid calendar; its problems name each offending JSON path
   */
  public static BusinessCalendar fromJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    return fromTree(root);
  }

  /**
   * Reads one calendar from a UTF-8 JSON stream; the stream is read to its end but not closed.
   *
   * @param json the stream
   * @return the calendar
   * @throws NullPointerException if {@code json} is null
   * @throws ValidationException if the document is not well-formed JSON or does not describe a
   *     valid calendar; its problems name each offending JSON path
   * @throws UncheckedIOException if reading the stream fails
   */
  public static BusinessCalendar fromJson(InputStream json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fromTree(root);
  }

  private static ValidationException malformed(JsonProcessingException e) {
    return new ValidationException(
        "json must be a well-formed JSON document, but was not: " + e.getOriginalMessage()
            + (e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
  }

  private static BusinessCalendar fromTree(JsonNode root) {
    if (root == null || root.isMissingNode()) {
      throw new ValidationException("json must be a JSON object, but was empty");
    }
    List<String> problems = new ArrayList<>();
    BusinessCalendar calendar = calendar(root, "", problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return calendar;
  }

  /** Parses one calendar object; returns null when problems were added. */
  private static BusinessCalendar calendar(JsonNode node, String prefix, List<String> problems) {
    String where = prefix.isEmpty() ? "json" : prefix.substring(0, prefix.length() - 1);
    if (!node.isObject()) {
      problems.add(where + " must be a JSON object, but was " + describe(node));
      return null;
    }
    int before = problems.size();
    String name = text(node.get("name"), prefix + "name", problems);
    if (name != null && name.isBlank()) {
      problems.add(prefix + "name must not be blank, but was '" + name + "'");
    }
    if (node.has("alwaysOpen")) {
      onlyProperties(node, prefix, Set.of("name", "alwaysOpen"), "name, alwaysOpen", problems);
      JsonNode open = node.get("alwaysOpen");
      if (!open.isBoolean() || !open.booleanValue()) {
        problems.add(prefix + "alwaysOpen must be true, but was " + describe(open));
      }
      return problems.size() > before ? null : BusinessCalendar.alwaysOpen(name);
    }
    if (node.has("union")) {
      onlyProperties(node, prefix, Set.of("name", "union"), "name, union", problems);
      JsonNode union = node.get("union");
      if (!union.isArray() || union.isEmpty()) {
        problems.add(
            prefix + "union must be a non-empty array of calendars, but was " + describe(union));
        return null;
      }
      List<BusinessCalendar> members = new ArrayList<>();
      for (int i = 0; i < union.size(); i++) {
        members.add(calendar(union.get(i), prefix + "union[" + i + "].", problems));
      }
      return problems.size() > before
          ? null
          : BusinessCalendar.union(name, members.toArray(new BusinessCalendar[0]));
    }
    onlyProperties(node, prefix, HOURS_PROPERTIES, HOURS_PROPERTY_LIST, problems);
    ZoneId zone = zone(node.get("zone"), prefix + "zone", problems);
    WorkingHoursCalendar.Builder builder =
        BusinessCalendar.builder(name == null ? "?" : name, zone == null ? ZoneId.of("UTC") : zone);
    JsonNode hours = node.get("hours");
    if (hours != null) {
      String path = prefix + "hours";
      if (!hours.isObject()) {
        problems.add(path + " must be an object of day names to intervals, but was " + describe(hours));
      } else {
        for (Map.Entry<String, JsonNode> day : hours.properties()) {
          DayOfWeek dayOfWeek = dayOfWeek(day.getKey(), path + "." + day.getKey(), problems);
          intervals(day.getValue(), path + "." + day.getKey(), problems,
              (from, to) -> {
                if (dayOfWeek != null) {
                  builder.hours(dayOfWeek, from, to);
                }
              });
        }
      }
    }
    for (LocalDate date : dates(node.get("holidays"), prefix + "holidays", problems)) {
      builder.holiday(date);
    }
    for (LocalDate date : dates(node.get("closed"), prefix + "closed", problems)) {
      builder.closed(date);
    }
    JsonNode yearly = node.get("yearlyHolidays");
    if (yearly != null) {
      String path = prefix + "yearlyHolidays";
      if (!yearly.isArray()) {
        problems.add(path + " must be an array of \"MM-dd\" strings, but was " + describe(yearly));
      } else {
        for (int i = 0; i < yearly.size(); i++) {
          MonthDay day = monthDay(yearly.get(i), path + "[" + i + "]", problems);
          if (day != null) {
            builder.yearlyHoliday(day);
          }
        }
      }
    }
    JsonNode special = node.get("specialHours");
    if (special != null) {
      String path = prefix + "specialHours";
      if (!special.isObject()) {
        problems.add(path + " must be an object of dates to intervals, but was " + describe(special));
      } else {
        for (Map.Entry<String, JsonNode> entry : special.properties()) {
          String datePath = path + "." + entry.getKey();
          LocalDate date = date(entry.getKey(), datePath, problems);
          intervals(entry.getValue(), datePath, problems,
              (from, to) -> {
                if (date != null) {
                  builder.specialHours(date, from, to);
                }
              });
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    try {
      return builder.build();
    } catch (ValidationException e) {
      for (String problem : e.getProblems()) {
        problems.add(prefix + problem);
      }
      return null;
    }
  }

  private interface IntervalSink {
    void accept(LocalTime from, LocalTime to);
  }

  private static void intervals(
      JsonNode node, String path, List<String> problems, IntervalSink sink) {
    if (!node.isArray()) {
      problems.add(
          path + " must be an array of [\"HH:mm\", \"HH:mm\"] intervals, but was " + describe(node));
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode pair = node.get(i);
      String field = path + "[" + i + "]";
      if (!pair.isArray() || pair.size() != 2) {
        problems.add(
            field + " must be an interval [\"HH:mm\", \"HH:mm\"], but was " + describe(pair));
        continue;
      }
      LocalTime from = time(pair.get(0), field + "[0]", false, problems);
      LocalTime to = time(pair.get(1), field + "[1]", true, problems);
      if (from != null && to != null) {
        sink.accept(from, to);
      }
    }
  }

  private static LocalTime time(JsonNode node, String path, boolean end, List<String> problems) {
    String valid =
        end ? "a time \"HH:mm\" or \"HH:mm:ss\" from 00:00:01 to 24:00"
            : "a time \"HH:mm\" or \"HH:mm:ss\" from 00:00 to 23:59:59";
    if (!node.isTextual()) {
      problems.add(path + " must be " + valid + ", but was " + describe(node));
      return null;
    }
    String text = node.textValue();
    if (end && text.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      LocalTime time = LocalTime.parse(text);
      if (time.getNano() != 0 || (end && time.equals(LocalTime.MIDNIGHT))) {
        throw new DateTimeException(text);
      }
      return time;
    } catch (DateTimeException e) {
      problems.add(path + " must be " + valid + ", but was '" + text + "'");
      return null;
    }
  }

  private static DayOfWeek dayOfWeek(String text, String path, List<String> problems) {
    try {
      return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          path + " must be a day of the week, MONDAY to SUNDAY, but was '" + text + "'");
      return null;
    }
  }

  private static List<LocalDate> dates(JsonNode node, String path, List<String> problems) {
    List<LocalDate> dates = new ArrayList<>();
    if (node == null) {
      return dates;
    }
    if (!node.isArray()) {
      problems.add(path + " must be an array of \"yyyy-MM-dd\" dates, but was " + describe(node));
      return dates;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String field = path + "[" + i + "]";
      if (!item.isTextual()) {
        problems.add(field + " must be a date \"yyyy-MM-dd\", but was " + describe(item));
      } else {
        LocalDate date = date(item.textValue(), field, problems);
        if (date != null) {
          dates.add(date);
        }
      }
    }
    return dates;
  }

  private static LocalDate date(String text, String path, List<String> problems) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(path + " must be a date \"yyyy-MM-dd\", but was '" + text + "'");
      return null;
    }
  }

  private static MonthDay monthDay(JsonNode node, String path, List<String> problems) {
    String valid = "a month and day \"MM-dd\" such as \"12-25\"";
    if (!node.isTextual()) {
      problems.add(path + " must be " + valid + ", but was " + describe(node));
      return null;
    }
    String text = node.textValue();
    try {
      return MonthDay.parse(text.startsWith("--") ? text : "--" + text);
    } catch (DateTimeParseException e) {
      problems.add(path + " must be " + valid + ", but was '" + text + "'");
      return null;
    }
  }

  private static ZoneId zone(JsonNode node, String path, List<String> problems) {
    String valid = "a time-zone ID such as \"Europe/Stockholm\" or \"+01:00\"";
    if (node == null) {
      problems.add(path + " must be " + valid + ", but was missing");
      return null;
    }
    if (!node.isTextual()) {
      problems.add(path + " must be " + valid + ", but was " + describe(node));
      return null;
    }
    try {
      return ZoneId.of(node.textValue());
    } catch (DateTimeException e) {
      problems.add(path + " must be " + valid + ", but was '" + node.textValue() + "'");
      return null;
    }
  }

  private static String text(JsonNode node, String path, List<String> problems) {
    if (node == null) {
      problems.add(path + " must be a non-blank string, but was missing");
      return null;
    }
    if (!node.isTextual()) {
      problems.add(path + " must be a non-blank string, but was " + describe(node));
      return null;
    }
    return node.textValue();
  }

  private static void onlyProperties(
      JsonNode node, String prefix, Set<String> allowed, String list, List<String> problems) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String field = property.getKey();
      if (!allowed.contains(field)) {
        problems.add(
            prefix + field + " must not be present: properties of this kind of calendar are "
                + list + ", but was " + describe(node.get(field)));
      }
    }
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
