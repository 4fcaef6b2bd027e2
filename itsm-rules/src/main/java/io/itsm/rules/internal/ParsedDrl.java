package io.itsm.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * One rule file as text and as Drools' parse tree (descriptors with lines), for the checks that
 * run before Drools compiles, and for mapping compiled code back to lines.
 *
 * <p>Immutable after construction (the descriptor tree is not changed by anyone); thread-safe.
 */
final class ParsedDrl {

  private static final Pattern THEN = Pattern.compile("\\bthen\\b");
  private static final Pattern RULE = Pattern.compile("(?m)^\\s*(?:rule|query)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final String name;
  private final String text;
  private final PackageDescr descr;
  private volatile List<NamedLine> lines; // computed once, on first use
  private volatile Map<String, Integer> lineByRule;

  /**
   * A file.
   *
   * @param name the file's name in messages
   * @param text the DRL
   * @param descr the parse tree, or null when the file does not parse (Drools reports why) or
   *     was not parsed
   */
  ParsedDrl(String name, String text, PackageDescr descr) {
    this.name = name;
    this.text = text;
    this.descr = descr;
  }

  /** The file's name in messages. */
  String name() {
    return name;
  }

  /** The DRL. */
  String text() {
    return text;
  }

  /** The parse tree, or null. */
  PackageDescr descr() {
    return descr;
  }

  /**
   * This file parsed, if it was read without parsing ({@link #unparsed}).
   *
   * @return the parsed file (this one if parsed already)
   */
  ParsedDrl parsed() {
    return descr != null ? this : parse(RuleSource.text(name, text));
  }

  /**
   * Parses a source.
   *
   * @param source the source
   * @return the parsed file
   * @throws io.itsm.core.ValidationException if the source cannot be read
   */
  static ParsedDrl parse(RuleSource source) {
    String text = source.read();
    DrlParser parser = new DrlParser();
    PackageDescr descr;
    try {
      descr = parser.parse(null, text);
    } catch (DroolsParserException | RuntimeException e) {
      descr = null;
    }
    if (parser.hasErrors()) {
      descr = null;
    }
    return new ParsedDrl(source.name(), text, descr);
  }

  /**
   * Reads a source without parsing it (the default packs: only their text and rule lines are
   * needed).
   *
   * @param source the source
   * @return the file, with a null parse tree
   * @throws io.itsm.core.ValidationException if the source cannot be read
   */
  static ParsedDrl unparsed(RuleSource source) {
    return new ParsedDrl(source.name(), source.read(), null);
  }

  /**
   * The line a rule starts on.
   *
   * @param rule the rule name
   * @return the 1-based line, or -1 when the file has no such rule
   */
  int ruleLine(String rule) {
    Map<String, Integer> m = lineByRule;
    if (m == null) {
      m = new HashMap<>();
      for (NamedLine n : ruleLines()) {
        m.putIfAbsent(n.name(), n.line());
      }
      lineByRule = m;
    }
    return m.getOrDefault(rule, -1);
  }

  /**
   * The name and line of each rule and query, found in the text (works also when the file does
   * not parse, and is cheap enough for the default packs).
   *
   * @return name and 1-based line, in file order
   */
  List<NamedLine> ruleLines() {
    List<NamedLine> done = lines;
    if (done != null) {
      return done;
    }
    List<NamedLine> out = new ArrayList<>();
    if (descr != null) {
      for (RuleDescr r : descr.getRules()) {
        out.add(new NamedLine(r.getName(), r.getLine()));
      }
    } else {
      Matcher m = RULE.matcher(text);
      int line = 1;
      int at = 0;
      while (m.find()) {
        for (int end = m.start(1); at < end; at++) {
          if (text.charAt(at) == '\n') {
            line++;
          }
        }
        out.add(new NamedLine(m.group(1), line));
      }
    }
    lines = List.copyOf(out);
    return lines;
  }

  /** A rule's name and the line it starts on. */
  record NamedLine(String name, int line) {}

  /**
   * Finds a rule's descriptor.
   *
   * @param rule the rule name
   * @return the descriptor, if the file parsed and has the rule
   */
  Optional<RuleDescr> rule(String rule) {
    if (descr == null) {
      return Optional.empty();
    }
    for (RuleDescr r : descr.getRules()) {
      if (r.getName().equals(rule)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The 1-based line of the first code after {@code then}, given the line of {@code then}: Drools
   * trims the consequence, so the first generated line of a consequence is this line.
   *
   * @param thenLine the 1-based line where {@code then} is
   * @return the line of the first character of the consequence that is not white space
   */
  int firstCodeLine(int thenLine) {
    int start = offsetOfLine(thenLine);
    if (start < 0) {
      return thenLine;
    }
    Matcher m = THEN.matcher(text);
    int pos;
    if (m.find(start) && lineOf(m.start()) == thenLine) {
      pos = m.end();
    } else {
      return thenLine + 1;
    }
    int line = thenLine;
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      if (text.charAt(pos) == '\n') {
        line++;
      }
      pos++;
    }
    return line;
  }

  /**
   * The 1-based line of a character offset.
   *
   * @param offset the offset
   * @return the line
   */
  int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private int offsetOfLine(int line) {
    int l = 1;
    for (int i = 0; i < text.length(); i++) {
      if (l == line) {
        return i;
      }
      if (text.charAt(i) == '\n') {
        l++;
      }
    }
    return l == line ? text.length() : -1;
  }
}
