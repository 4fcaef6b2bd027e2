package io.itsm.rules.keywords;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.itsm.core.ValidationException;
import io.itsm.rules.internal.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keywords as data: which terms, in which language, point to which category and subcategory.
 *
 * <p>Get one from {@link #defaults()} (the bundled dictionary: ten categories, terms in English,
 * German, Swedish, Spanish and French), {@link #fromJson(InputStream)} or {@link #builder()}, and
 * combine them with {@link #plus(KeywordDictionary)} and {@link #without(String)}:
 *
 * <pre>{@code
 * KeywordDictionary ours = KeywordDictionary.defaults()
 *     .without("consulting")
 *     .plus(KeywordDictionary.fromJson(teamJson));
 * KeywordMatcher matcher = KeywordMatcher.of(ours);
 * }</pre>
 *
 * <h2>JSON format</h2>
 *
 * <pre>{@code
 * {"version": 1,
 *  "categories": [
 *    {"category": "network", "subcategory": "vpn",
 *     "terms": {"en": ["vpn", "tunnel down"], "de": ["vpn", "vpn-verbindung"]}},
 *    {"category": "hardware", "subcategory": "printer",
 *     "terms": {"de": ["druck*", "papierstau"]}}]}
 * }</pre>
 *
 * <ul>
 *   <li>{@code version} (required): {@value #FORMAT_VERSION}.
 *   <li>{@code categories} (required): an array, possibly empty; a category may appear in several
 *       elements.
 *   <li>{@code category} (required): a lower-case code such as {@code "user-support"}.
 *   <li>{@code subcategory} (optional, may be null): a lower-case code.
 *   <li>{@code terms} (required, non-empty): language code → non-empty array of terms. A term is
 *       a word or a phrase, normalized by {@link TextNormalizer} ({@code "Verdächtige E-Mail"}
 *       becomes {@code "verdachtige e mail"}); it must contain a letter or digit. A term ending in
 *       {@code *} is a prefix term: its last word matches any word starting with it; it needs at
 *       least {@value #MIN_PREFIX_LENGTH} letters or digits before the {@code *}.
 *   <li>No other properties are allowed. Duplicate entries are kept once.
 * </ul>
 *
 * <p>Every problem found is reported, each naming its JSON path, for example {@code
 * categories[3].terms.de[1] must contain a letter or digit, but was "--"}.
 *
 * <p>Entries keep the order in which they were added; that order decides which language a {@link
 * KeywordHit} reports when the same term is listed for several languages.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KeywordDictionary {

  /** The JSON format version this class reads. */
  public static final int FORMAT_VERSION = 1;

  /** The fewest letters or digits allowed before the {@code *} of a prefix term. */
  public static final int MIN_PREFIX_LENGTH = 3;

  /** The class-path location of the bundled dictionary. */
  public static final String DEFAULT_RESOURCE = "/io/itsm/rules/keywords.json";

  private static final KeywordDictionary EMPTY = new KeywordDictionary(List.of());

  // a streaming reader instead of an ObjectMapper, whose set-up costs a few hundred milliseconds
  // of a cold start: duplicate fields and trailing tokens rejected, the stream not closed
  private static final JsonTrees JSON = JsonTrees.strict();

  private static final Set<String> ROOT_PROPERTIES = Set.of("version", "categories");
  private static final Set<String> CATEGORY_PROPERTIES =
      Set.of("category", "subcategory", "terms");

  private final List<KeywordEntry> entries;

  private KeywordDictionary(List<KeywordEntry> entries) {
    this.entries = List.copyOf(new LinkedHashSet<>(entries));
  }

  /**
   * Returns the empty dictionary.
   *
   * @return a dictionary without entries
   */
  public static KeywordDictionary empty() {
    return EMPTY;
  }

  /**
   * Returns the bundled default dictionary, read once from {@value #DEFAULT_RESOURCE}.
   *
   * @return the default dictionary
   */
  public static KeywordDictionary defaults() {
    return Defaults.INSTANCE;
  }

  /**
   * Returns a builder for a dictionary written in code.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a dictionary from JSON in the format described above.
   *
   * @param json the JSON text
   * @return the dictionary
   * @throws NullPointerException if {@code json} is null
   * @throws ValidationException if the JSON is not well-formed or does not follow the format;
   *     {@link ValidationException#getProblems()} names every problem by its JSON path
   */
  public static KeywordDictionary fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return fromTree(JSON.read(json));
    } catch (JsonProcessingException e) {
      throw notWellFormed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown: a string is read
    }
  }

  /**
   * Reads a dictionary from UTF-8 (or UTF-16/32, detected) JSON in the format described above.
   * The stream is read to its end but not closed.
   *
   * @param json the JSON bytes
   * @return the dictionary
   * @throws NullPointerException if {@code json} is null
   * @throws ValidationException if the JSON is not well-formed or does not follow the format;
   *     {@link ValidationException#getProblems()} names every problem by its JSON path
   * @throws UncheckedIOException if reading the stream fails
   */
  public static KeywordDictionary fromJson(InputStream json) {
    Objects.requireNonNull(json, "json");
    try {
      return fromTree(JSON.read(json));
    } catch (JsonProcessingException e) {
      throw notWellFormed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the entries, in the order added, without duplicates.
   *
   * @return an immutable list
   */
  public List<KeywordEntry> entries() {
    return entries;
  }

  /**
   * Returns the number of entries.
   *
   * @return the number of entries
   */
  public int size() {
    return entries.size();
  }

  /**
   * Returns whether there is no entry.
   *
   * @return {@code true} if there is no entry
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Returns the category codes that have at least one entry.
   *
   * @return an immutable, sorted set
   */
  public Set<String> categories() {
    Set<String> result = new TreeSet<>();
    entries.forEach(e -> result.add(e.category()));
    return Collections.unmodifiableSet(result);
  }

  /**
   * Returns the language codes that have at least one entry.
   *
   * @return an immutable, sorted set
   */
  public Set<String> languages() {
    Set<String> result = new TreeSet<>();
    entries.forEach(e -> result.add(e.language()));
    return Collections.unmodifiableSet(result);
  }

  /**
   * Returns the entries of one category.
   *
   * @param category the category code
   * @return an immutable list, empty when the category has no entry
   * @throws NullPointerException if {@code category} is null
   */
  public List<KeywordEntry> entriesFor(String category) {
    Objects.requireNonNull(category, "category");
    return entries.stream().filter(e -> e.category().equals(category)).toList();
  }

  /**
   * Returns a dictionary with this dictionary's entries followed by those of {@code other};
   * entries in both are kept once, in this dictionary's position.
   *
   * @param other the dictionary to add, such as a team's own
   * @return the combined dictionary
   * @throws NullPointerException if {@code other} is null
   */
  public KeywordDictionary plus(KeywordDictionary other) {
    Objects.requireNonNull(other, "other");
    if (other.isEmpty()) {
      return this;
    }
    List<KeywordEntry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new KeywordDictionary(all);
  }

  /**
   * Returns a dictionary without the entries of a category.
   *
   * @param category the category code to drop; a code without entries changes nothing
   * @return the dictionary without that category
   * @throws NullPointerException if {@code category} is null
   */
  public KeywordDictionary without(String category) {
    Objects.requireNonNull(category, "category");
    return new KeywordDictionary(
        entries.stream().filter(e -> !e.category().equals(category)).toList());
  }

  /**
   * Returns a dictionary without the entries of one subcategory of a category.
   *
   * @param category the category code
   * @param subcategory the subcategory code to drop, or {@code ""} for the entries without
   *     subcategory
   * @return the dictionary without those entries
   * @throws NullPointerException if an argument is null
   */
  public KeywordDictionary without(String category, String subcategory) {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(subcategory, "subcategory");
    return new KeywordDictionary(
        entries.stream()
            .filter(
                e -> !(e.category().equals(category) && e.subcategory().equals(subcategory)))
            .toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeywordDictionary other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "KeywordDictionary[" + entries.size() + " entries, categories=" + categories() + "]";
  }

  // ---------------------------------------------------------------- JSON

  private static ValidationException notWellFormed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new ValidationException(
        "keywords JSON must be well-formed, but " + e.getOriginalMessage() + where);
  }

  private static KeywordDictionary fromTree(JsonNode root) {
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new ValidationException(
          "keywords JSON must be an object {\"version\": 1, \"categories\": [...]}, but was "
              + describe(root));
    }
    unknownProperties("", root, ROOT_PROPERTIES, problems);
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != FORMAT_VERSION) {
      problems.add("version must be " + FORMAT_VERSION + ", but was " + describe(version));
    }
    JsonNode categories = root.get("categories");
    List<KeywordEntry> entries = new ArrayList<>();
    if (categories == null || !categories.isArray()) {
      problems.add("categories must be an array, but was " + describe(categories));
    } else {
      for (int i = 0; i < categories.size(); i++) {
        readCategory("categories[" + i + "]", categories.get(i), entries, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new KeywordDictionary(entries);
  }

  private static void readCategory(
      String path, JsonNode node, List<KeywordEntry> entries, List<String> problems) {
    if (!node.isObject()) {
      problems.add(path + " must be an object, but was " + describe(node));
      return;
    }
    unknownProperties(path + ".", node, CATEGORY_PROPERTIES, problems);
    int before = problems.size();
    JsonNode categoryNode = node.get("category");
    String category = null;
    if (categoryNode == null || !categoryNode.isTextual()) {
      problems.add(path + ".category must be a string, but was " + describe(categoryNode));
    } else {
      category = categoryNode.textValue();
      Codes.checkCode(path + ".category", category, problems);
    }
    JsonNode subNode = node.get("subcategory");
    String subcategory = "";
    if (subNode != null && !subNode.isNull()) {
      if (!subNode.isTextual()) {
        problems.add(
            path + ".subcategory must be a string or null, but was " + describe(subNode));
      } else {
        subcategory = subNode.textValue();
        Codes.checkCode(path + ".subcategory", subcategory, problems);
      }
    }
    JsonNode terms = node.get("terms");
    if (terms == null || !terms.isObject() || terms.isEmpty()) {
      problems.add(
          path
              + ".terms must be an object of at least one language code to terms, such as"
              + " {\"en\": [\"vpn\"]}, but was "
              + describe(terms));
      return;
    }
    boolean headOk = problems.size() == before;
    for (Iterator<Map.Entry<String, JsonNode>> it = terms.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> language = it.next();
      String languagePath = path + ".terms." + language.getKey();
      int languageProblems = problems.size();
      Codes.checkLanguage(languagePath, language.getKey(), problems);
      JsonNode list = language.getValue();
      if (!list.isArray() || list.isEmpty()) {
        problems.add(
            languagePath + " must be a non-empty array of terms, but was " + describe(list));
        continue;
      }
      boolean languageOk = problems.size() == languageProblems;
      for (int j = 0; j < list.size(); j++) {
        String termPath = languagePath + "[" + j + "]";
        JsonNode termNode = list.get(j);
        if (!termNode.isTextual()) {
          problems.add(termPath + " must be a string, but was " + describe(termNode));
          continue;
        }
        String term = Codes.normalizeTerm(termPath, termNode.textValue(), problems);
        if (term != null && headOk && languageOk) {
          entries.add(new KeywordEntry(category, subcategory, language.getKey(), term));
        }
      }
    }
  }

  private static void unknownProperties(
      String prefix, JsonNode node, Set<String> known, List<String> problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        problems.add(
            prefix
                + name
                + " is not allowed: the known properties are "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    String text = node.toString();
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private static final class Defaults {
    static final KeywordDictionary INSTANCE = load();

    private static KeywordDictionary load() {
      try (InputStream in = KeywordDictionary.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
        }
        return fromJson(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // ---------------------------------------------------------------- builder

  /**
   * Collects entries written in code.
   *
   * <pre>{@code
   * KeywordDictionary team = KeywordDictionary.builder()
   *     .add("network", "vpn", "en", "GlobalProtect")
   *     .add("hardware", "printer", "de", "Druck*")
   *     .build();
   * }</pre>
   *
   * <p>Not thread-safe; {@link #build()} may be called more than once.
   */
  public static final class Builder {

    private final List<KeywordEntry> entries = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a term, normalizing it.
     *
     * @param category the category code
     * @param subcategory the subcategory code, or {@code ""} for none
     * @param language the language code
     * @param term the term as written; may end in {@code *} for a prefix term
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws ValidationException as {@link KeywordEntry#of} does
     */
    public Builder add(String category, String subcategory, String language, String term) {
      entries.add(KeywordEntry.of(category, subcategory, language, term));
      return this;
    }

    /**
     * Adds several terms of one language, normalizing them.
     *
     * @param category the category code
     * @param subcategory the subcategory code, or {@code ""} for none
     * @param language the language code
     * @param terms the terms as written
     * @return this builder
     * @throws NullPointerException if an argument or a term is null
     * @throws ValidationException as {@link KeywordEntry#of} does; no term is added then
     */
    public Builder add(
        String category, String subcategory, String language, List<String> terms) {
      Objects.requireNonNull(terms, "terms");
      List<KeywordEntry> added = new ArrayList<>(terms.size());
      for (String term : terms) {
        added.add(KeywordEntry.of(category, subcategory, language, term));
      }
      entries.addAll(added);
      return this;
    }

    /**
     * Adds an entry.
     *
     * @param entry the entry
     * @return this builder
     * @throws NullPointerException if {@code entry} is null
     */
    public Builder add(KeywordEntry entry) {
      entries.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    /**
     * Adds every entry of a dictionary.
     *
     * @param dictionary the dictionary
     * @return this builder
     * @throws NullPointerException if {@code dictionary} is null
     */
    public Builder addAll(KeywordDictionary dictionary) {
      entries.addAll(Objects.requireNonNull(dictionary, "dictionary").entries);
      return this;
    }

    /**
     * Builds the dictionary; duplicate entries are kept once.
     *
     * @return the dictionary
     */
    public KeywordDictionary build() {
      return new KeywordDictionary(entries);
    }
  }
}
