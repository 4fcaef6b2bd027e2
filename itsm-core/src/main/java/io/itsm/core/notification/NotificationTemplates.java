package io.itsm.core.notification;

import io.itsm.core.ValidationException;
import io.itsm.core.json.ItsmJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification templates of a desk, checked when loaded: each is written for a known event,
 * has a text in the default language, only in supported languages, and uses only the fields its
 * event has ({@link TemplateFields}); a {@code digest} template exists. A problem is reported now,
 * with the template, the language and the field (and the field probably meant), never when a
 * message is sent.
 *
 * <pre>{@code
 * NotificationTemplates templates = NotificationTemplates.defaults();      // en, de, sv, es, fr
 * NotificationTemplates mine = ItsmJson.defaults().notifications().readTemplates(json);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class NotificationTemplates {

  /** The classpath resource of the default templates. */
  public static final String DEFAULT_RESOURCE = "io/itsm/core/notification/templates.json";

  /** The name of the template daily digests are written with. */
  public static final String DIGEST = "digest";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

  private static volatile NotificationTemplates defaults;

  private final String defaultLanguage;
  private final Set<String> languages;
  private final Map<String, NotificationTemplate> byName;

  private NotificationTemplates(String defaultLanguage, Set<String> languages,
      Map<String, NotificationTemplate> byName) {
    this.defaultLanguage = defaultLanguage;
    this.languages = languages;
    this.byName = byName;
  }

  /**
   * Checks and collects templates.
   *
   * @param defaultLanguage the language every template must have, used when a recipient's is missing
   * @param languages the languages templates may be written in
   * @param templates the templates; names unique
   * @return the templates
   * @throws ValidationException naming every problem found: template, language, field
   */
  public static NotificationTemplates of(String defaultLanguage, Collection<String> languages,
      List<NotificationTemplate> templates) {
    Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    Set<String> langs = new TreeSet<>(Objects.requireNonNull(languages, "languages"));
    List<String> problems = new ArrayList<>();
    if (!langs.contains(defaultLanguage)) {
      problems.add("defaultLanguage must be one of the languages " + langs + ", but was '" + defaultLanguage + "'");
    }
    Map<String, NotificationTemplate> byName = new LinkedHashMap<>();
    for (NotificationTemplate t : Objects.requireNonNull(templates, "templates")) {
      if (byName.put(t.name(), t) != null) {
        problems.add("template " + t.name() + " is defined twice");
      }
      List<String> fields = TemplateFields.of(t.event()).orElse(null);
      if (fields == null) {
        problems.add("template " + t.name() + " is written for unknown event '" + t.event()
            + "'; events: " + String.join(", ", TemplateFields.events()));
        continue;
      }
      if (!t.texts().containsKey(defaultLanguage)) {
        problems.add("template " + t.name() + " has no text in the default language '" + defaultLanguage
            + "' (it has " + t.texts().keySet() + ")");
      }
      for (Map.Entry<String, TemplateText> e : t.texts().entrySet()) {
        if (!langs.contains(e.getKey())) {
          problems.add("template " + t.name() + " has a text in unknown language '" + e.getKey()
              + "'; languages: " + String.join(", ", langs));
        }
        check(t, e.getKey(), "subject", e.getValue().subject(), fields, problems);
        check(t, e.getKey(), "body", e.getValue().body(), fields, problems);
      }
    }
    if (!byName.containsKey(DIGEST)) {
      problems.add("a template named '" + DIGEST + "' (event " + TemplateFields.DIGEST
          + ") is needed for daily digests");
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new NotificationTemplates(defaultLanguage, Set.copyOf(langs), Map.copyOf(byName));
  }

  private static void check(NotificationTemplate t, String lang, String part, String text,
      List<String> fields, List<String> problems) {
    int open = 0;
    for (char c : text.toCharArray()) {
      if (c == '{') {
        open++;
      } else if (c == '}') {
        open--;
      }
      if (open < 0 || open > 1) {
        break;
      }
    }
    if (open != 0) {
      problems.add("template " + t.name() + " (" + lang + ") " + part + " has an unbalanced { or }");
      return;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String field = m.group(1);
      if (!fields.contains(field)) {
        problems.add("template " + t.name() + " (" + lang + ") " + part + " uses unknown field {" + field
            + "} for " + t.event() + closest(field, fields) + "; fields: " + String.join(", ", fields));
      }
    }
  }

  private static String closest(String field, List<String> fields) {
    String best = null;
    int bestD = Math.max(2, field.length() / 4) + 1;
    for (String f : fields) {
      int d = distance(field, f);
      if (d < bestD) {
        bestD = d;
        best = f;
      }
    }
    return best == null ? "" : " (did you mean {" + best + "}?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
            prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] x = prev;
      prev = cur;
      cur = x;
    }
    return prev[b.length()];
  }

  /**
   * The bundled templates: every message of the default notification pack and of announcements,
   * in English, German, Swedish, Spanish and French.
   *
   * @return the templates
   */
  public static NotificationTemplates defaults() {
    NotificationTemplates d = defaults;
    if (d == null) {
      try (InputStream in = NotificationTemplates.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
        }
        d = ItsmJson.defaults().notifications().readTemplates(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      defaults = d;
    }
    return d;
  }

  /**
   * Returns the default language.
   *
   * @return the code
   */
  public String defaultLanguage() {
    return defaultLanguage;
  }

  /**
   * Returns the languages.
   *
   * @return the codes
   */
  public Set<String> languages() {
    return languages;
  }

  /**
   * Returns the templates' names.
   *
   * @return the names, sorted
   */
  public Set<String> names() {
    return new TreeSet<>(byName.keySet());
  }

  /**
   * Returns every template.
   *
   * @return the templates, by name
   */
  public List<NotificationTemplate> all() {
    return byName.values().stream().sorted(java.util.Comparator.comparing(NotificationTemplate::name)).toList();
  }

  /**
   * Returns a template.
   *
   * @param name the name
   * @return the template
   * @throws ValidationException if there is none
   */
  public NotificationTemplate get(String name) {
    NotificationTemplate t = byName.get(Objects.requireNonNull(name, "name"));
    if (t == null) {
      throw new ValidationException("notification template '" + name + "' does not exist; templates: "
          + String.join(", ", names()));
    }
    return t;
  }

  /**
   * Returns the language a recipient gets a template in: theirs if the template has it, else the
   * default.
   *
   * @param name the template
   * @param language the recipient's language, or {@code null}
   * @return the language code
   */
  public String languageFor(String name, String language) {
    return language != null && get(name).texts().containsKey(language) ? language : defaultLanguage;
  }

  /**
   * Renders a template: each {@code {field}} replaced by its value ({@value TemplateFields#ABSENT}
   * when the value is missing).
   *
   * @param name the template
   * @param language the language, as from {@link #languageFor}
   * @param values field values
   * @return the subject and body
   */
  public TemplateText render(String name, String language, Map<String, String> values) {
    TemplateText t = get(name).texts().get(language);
    return new TemplateText(fill(t.subject(), values), fill(t.body(), values));
  }

  private static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null || v.isBlank() ? TemplateFields.ABSENT : v));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
