package io.itsm.rules.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the text of MVEL code — constraints, bindings, {@code from} and {@code accumulate}
 * expressions, salience, field initializers, consequences in {@code dialect "mvel"} — against the
 * {@link RulePolicy}, before Drools compiles anything.
 *
 * <p>The text is split into tokens (strings and comments skipped); each chain of names such as
 * {@code $t.title.getClass().getName()} or {@code java.lang.System.exit(0)} is followed from its
 * head: a variable (a binding, the global, {@code drools}), a property of the pattern's type, or
 * a class (imported, in {@code java.lang}, fully qualified). A class must be allowed; a member of
 * a known type is looked up by reflection (MVEL's property rules: {@code getX()}, {@code isX()},
 * {@code x()}, a public field, a map key) and must be allowed and return an allowed type; a member
 * of a value whose type is not known statically (an {@code Object}, a map value, an MVEL local) is
 * judged by name ({@link RulePolicy#isDeniedMember}). MVEL's own escapes — {@code import} and
 * {@code def} in a script, {@code @} templates and interceptors — are refused outright.
 *
 * <p>Not thread-safe: one per rule file.
 */
final class MvelCheck {

  /**
   * A problem found in a text: the 0-based line within the text and the message.
   *
   * @param lineInText the line within the text
   * @param message the message
   * @param containment whether rule code touches what it may not (else an authoring mistake,
   *     such as an unknown field)
   */
  record Finding(int lineInText, String message, boolean containment) {
    Finding(int lineInText, String message) {
      this(lineInText, message, true);
    }
  }

  /** Resolves class names as the rule file sees them. */
  interface Classes {
    /**
     * Resolves a simple or qualified class name.
     *
     * @param name the name as written
     * @return the binary name of the class, or empty when it is not a class
     */
    Optional<String> resolve(String name);

    /**
     * Loads a class for member lookup.
     *
     * @param binaryName the binary name
     * @return the class, or empty when it cannot be loaded (a declared type not compiled yet)
     */
    Optional<Class<?>> load(String binaryName);
  }

  /** The names a text can refer to besides classes. */
  static final class Scope {
    final Map<String, Class<?>> variables = new HashMap<>();
    final Set<String> functions = new HashSet<>();
    Class<?> thisType;
    boolean consequence;

    Scope copy() {
      Scope s = new Scope();
      s.variables.putAll(variables);
      s.functions.addAll(functions);
      s.thisType = thisType;
      s.consequence = consequence;
      return s;
    }
  }

  /** Marks a variable or property whose type is not known statically. */
  static final Class<?> UNKNOWN = Unknown.class;

  private static final class Unknown {}

  private static final Set<String> KEYWORDS = Set.of(
      "null", "nil", "true", "false", "empty", "isdef", "instanceof", "in", "not", "contains",
      "excludes", "memberOf", "matches", "soundslike", "str", "and", "or", "if", "else", "while",
      "for", "foreach", "do", "until", "return", "var", "with", "after", "before", "coincides",
      "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps",
      "overlappedby", "starts", "startedby", "isA", "int", "long", "short", "byte", "char",
      "boolean", "float", "double", "void", "final", "throw", "try", "catch", "finally", "break",
      "continue", "switch", "case", "default", "super");

  private static final Set<String> MACROS = Set.of(
      "insert", "insertLogical", "update", "delete", "retract", "modify");

  private static final Set<String> REFUSED_WORDS = Set.of("import", "def", "function");

  private final RulePolicy policy;
  private final Classes classes;

  MvelCheck(RulePolicy policy, Classes classes) {
    this.policy = policy;
    this.classes = classes;
  }

  // ---- tokens ----

  private enum Kind { IDENT, DOT, OPEN, CLOSE, OPEN_BRACKET, CLOSE_BRACKET, AT, OTHER, STRING }

  private record Token(Kind kind, String text, int line) {}

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int line = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        i += 2;
        while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) {
          if (s.charAt(i) == '\n') {
            line++;
          }
          i++;
        }
        i += 2;
      } else if (c == '"' || c == '\'') {
        int start = line;
        i++;
        while (i < n && s.charAt(i) != c) {
          if (s.charAt(i) == '\\') {
            i++;
          } else if (s.charAt(i) == '\n') {
            line++;
          }
          i++;
        }
        i++;
        out.add(new Token(Kind.STRING, "", start));
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
          j++;
        }
        out.add(new Token(Kind.IDENT, s.substring(i, j), line));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
            || (s.charAt(j) == '.' && j + 1 < n && Character.isDigit(s.charAt(j + 1))))) {
          j++;
        }
        out.add(new Token(Kind.OTHER, s.substring(i, j), line));
        i = j;
      } else if (c == '.') {
        out.add(new Token(Kind.DOT, ".", line));
        i++;
      } else if ((c == '!' || c == '?') && i + 1 < n && s.charAt(i + 1) == '.') {
        out.add(new Token(Kind.DOT, c + ".", line));
        i += 2;
      } else if (c == '(') {
        out.add(new Token(Kind.OPEN, "(", line));
        i++;
      } else if (c == ')') {
        out.add(new Token(Kind.CLOSE, ")", line));
        i++;
      } else if (c == '[') {
        out.add(new Token(Kind.OPEN_BRACKET, "[", line));
        i++;
      } else if (c == ']') {
        out.add(new Token(Kind.CLOSE_BRACKET, "]", line));
        i++;
      } else if (c == '@') {
        out.add(new Token(Kind.AT, "@", line));
        i++;
      } else {
        out.add(new Token(Kind.OTHER, String.valueOf(c), line));
        i++;
      }
    }
    return out;
  }

  // ---- checking ----

  /**
   * Checks one text.
   *
   * @param text the MVEL text
   * @param scope the variables, functions and pattern type it sees
   * @return the violations, in text order
   */
  List<Finding> check(String text, Scope scope) {
    List<Finding> findings = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return findings;
    }
    List<Token> t = tokens(text);
    boolean[] member = new boolean[t.size()];
    Map<String, Class<?>> locals = new HashMap<>();
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      if (tok.kind == Kind.AT) {
        findings.add(new Finding(tok.line,
            "uses '@' (MVEL templates, interceptors and annotations), which rule code may not use"));
        continue;
      }
      if (tok.kind != Kind.IDENT || member[i]) {
        continue;
      }
      String word = tok.text;
      if (REFUSED_WORDS.contains(word)) {
        findings.add(new Finding(tok.line,
            "uses MVEL's '" + word + "', which rule code may not use"));
        continue;
      }
      if (word.equals("new")) {
        i = checkNew(t, i, member, findings);
        continue;
      }
      if (KEYWORDS.contains(word)) {
        if (word.equals("str") && i + 2 < t.size() && t.get(i + 1).kind == Kind.OPEN_BRACKET
            && t.get(i + 2).kind == Kind.IDENT) {
          member[i + 2] = true; // str[startsWith]: an operator's parameter
        }
        continue;
      }
      // a local declaration or assignment in a script: `x = ...`, `Type x = ...`
      if (i + 1 < t.size() && t.get(i + 1).kind == Kind.OTHER && t.get(i + 1).text.equals("=")
          && !(i + 2 < t.size() && t.get(i + 2).text.equals("="))
          && !scope.variables.containsKey(word)
          && !(scope.thisType != null && property(scope.thisType, word).isPresent())) {
        locals.put(word, UNKNOWN);
        continue;
      }
      checkChain(t, i, member, scope, locals, findings);
    }
    return findings;
  }

  /** Checks {@code new a.b.C(...)}; returns the index of the last name token consumed. */
  private int checkNew(List<Token> t, int i, boolean[] member, List<Finding> findings) {
    int j = i + 1;
    StringBuilder name = new StringBuilder();
    while (j < t.size() && t.get(j).kind == Kind.IDENT) {
      member[j] = true;
      name.append(t.get(j).text);
      if (j + 1 < t.size() && t.get(j + 1).kind == Kind.DOT) {
        name.append('.');
        j += 2;
      } else {
        break;
      }
    }
    if (name.length() == 0) {
      return i;
    }
    String written = name.toString();
    Optional<String> cls = classes.resolve(written);
    if (cls.isEmpty()) {
      findings.add(new Finding(t.get(i).line, "creates " + written
          + ", a class that cannot be resolved, so rule code may not use it"));
    } else if (!policy.allowsClass(cls.get())) {
      findings.add(new Finding(t.get(i).line, "creates " + cls.get() + " (new " + written
          + "), which rule code may not use"));
    }
    return j;
  }

  private void checkChain(
      List<Token> t, int head, boolean[] member, Scope scope, Map<String, Class<?>> locals,
      List<Finding> findings) {
    // the dotted names of the chain, and whether each is called
    List<Integer> names = new ArrayList<>();
    names.add(head);
    int j = head;
    Set<Integer> indexed = new HashSet<>();
    while (true) {
      int next = j + 1;
      if (next < t.size() && t.get(next).kind == Kind.OPEN) {
        next = skip(t, next, Kind.OPEN, Kind.CLOSE) + 1;
      }
      while (next < t.size() && t.get(next).kind == Kind.OPEN_BRACKET) {
        indexed.add(j);
        next = skip(t, next, Kind.OPEN_BRACKET, Kind.CLOSE_BRACKET) + 1;
      }
      if (next < t.size() && t.get(next).kind == Kind.DOT && next + 1 < t.size()
          && t.get(next + 1).kind == Kind.IDENT) {
        j = next + 1;
        member[j] = true;
        names.add(j);
      } else {
        break;
      }
    }
    Token first = t.get(head);
    String word = first.text;
    boolean called = isCall(t, head);
    Class<?> type;
    int k; // index in names of the first member to resolve on `type`
    if (scope.variables.containsKey(word)) {
      type = indexed.contains(head) ? UNKNOWN : scope.variables.get(word);
      k = 1;
    } else if (locals.containsKey(word)) {
      type = UNKNOWN;
      k = 1;
    } else if (called && (scope.functions.contains(word)
        || (scope.consequence && MACROS.contains(word)))) {
      type = UNKNOWN;
      k = 1;
    } else if (word.equals("this")) {
      type = scope.thisType == null ? UNKNOWN : scope.thisType;
      k = 1;
    } else {
      // a property or method of the pattern's type, or a class
      Optional<Class<?>> onThis = Optional.empty();
      boolean capitalized = Character.isUpperCase(word.charAt(0));
      if (scope.thisType != null && scope.thisType != UNKNOWN
          && !(capitalized && classes.resolve(word).isPresent())) {
        onThis = called ? method(scope.thisType, word) : property(scope.thisType, word);
      }
      if (onThis.isPresent()
          || (called && scope.thisType != null && !(capitalized && classPrefix(t, names) != null))) {
        type = scope.thisType;
        k = 0;
      } else {
        ClassMatch cm = classPrefix(t, names);
        if (cm == null) {
          type = scope.thisType == null ? UNKNOWN : scope.thisType;
          k = 0;
          if (type == UNKNOWN && RulePolicy.isDeniedMember(word)) {
            findings.add(new Finding(first.line, "calls " + word + ", which rule code may not use ("
                + denial(word) + ")"));
            return;
          }
        } else {
          if (!policy.allowsClass(cm.binaryName)) {
            String what = cm.used < names.size()
                ? cm.binaryName + "." + t.get(names.get(cm.used)).text
                    + (isCall(t, names.get(cm.used)) ? "(...)" : "")
                : cm.binaryName;
            findings.add(new Finding(first.line, "uses " + what + ", which rule code may not use"));
            return;
          }
          // static members of the class
          if (cm.used >= names.size()) {
            return;
          }
          Token m = t.get(names.get(cm.used));
          boolean call = isCall(t, names.get(cm.used));
          Optional<String> denied = policy.checkMember(cm.binaryName, m.text);
          if (denied.isPresent()) {
            findings.add(new Finding(m.line, "uses " + cm.binaryName + "." + m.text
                + (call ? "(...)" : "") + ", which rule code may not use" + why(denied.get())));
            return;
          }
          Class<?> c = classes.load(cm.binaryName).orElse(UNKNOWN);
          type = c == UNKNOWN ? UNKNOWN : staticMember(c, m.text, call, findings, m.line);
          if (type == null) {
            return;
          }
          k = cm.used + 1;
        }
      }
    }
    for (int x = k; x < names.size(); x++) {
      Token m = t.get(names.get(x));
      boolean call = isCall(t, names.get(x));
      if (type == null || type == UNKNOWN || type == Object.class) {
        if (RulePolicy.isDeniedMember(m.text)) {
          findings.add(new Finding(m.line, "calls " + m.text + (call ? "(...)" : "")
              + ", which rule code may not use (" + denial(m.text) + ")"));
          return;
        }
        type = UNKNOWN;
        continue;
      }
      type = member(type, m.text, call, findings, m.line);
      if (type == null) {
        return;
      }
      if (indexed.contains(names.get(x))) {
        type = UNKNOWN; // an element of a list, array or map
      }
    }
  }

  private static String why(String reason) {
    return reason.isEmpty() ? "" : " (" + reason + ")";
  }

  private static String denial(String member) {
    Optional<String> r = RulePolicy.forRuleSet(Set.of()).checkMember("java.lang.Object", member);
    return r.orElse("");
  }

  /** A member on a value of a known type: its result type, UNKNOWN, or null after a finding. */
  private Class<?> member(Class<?> type, String name, boolean call, List<Finding> out, int line) {
    String owner = type.getName();
    Optional<String> denied = policy.checkMember(owner, name);
    if (denied.isPresent()) {
      out.add(new Finding(line, "calls " + owner + "." + name + (call ? "(...)" : "")
          + ", which rule code may not use" + why(denied.get())));
      return null;
    }
    if (RulePolicy.isContextClass(owner)) {
      return UNKNOWN;
    }
    Optional<Member> found = call ? methodMember(type, name, false) : propertyMember(type, name);
    if (found.isEmpty()) {
      if (Map.class.isAssignableFrom(type) && !call) {
        return UNKNOWN; // map.key
      }
      if (type.isArray() && name.equals("length")) {
        return int.class;
      }
      if (call) {
        List<String> methods = methodNames(type);
        out.add(new Finding(line, "calls " + type.getSimpleName() + "." + name
            + "(...), which does not exist; its methods are " + methods
            + RuleLint.didYouMean(name, methods), false));
      } else {
        List<String> fields = propertyNames(type);
        out.add(new Finding(line, "reads " + type.getSimpleName() + "." + name
            + ", but " + type.getSimpleName() + " has no field '" + name + "'; its fields are "
            + fields + RuleLint.didYouMean(name, fields), false));
      }
      return null;
    }
    return result(found.get(), owner, name, call, out, line);
  }

  private Class<?> staticMember(Class<?> c, String name, boolean call, List<Finding> out,
      int line) {
    Optional<Member> found = call ? methodMember(c, name, true) : staticField(c, name);
    if (found.isEmpty()) {
      // a nested class (Map.Entry) or an enum constant through a nested path: judge by name
      return UNKNOWN;
    }
    return result(found.get(), c.getName(), name, call, out, line);
  }

  private Class<?> result(Member m, String owner, String name, boolean call, List<Finding> out,
      int line) {
    if (!policy.allowsClass(m.declaring.getName())) {
      out.add(new Finding(line, "calls " + m.declaring.getName() + "." + name
          + (call ? "(...)" : "") + " (through " + owner + "), which rule code may not use"));
      return null;
    }
    Class<?> r = m.type;
    if (r == null) {
      return UNKNOWN;
    }
    Class<?> element = r;
    while (element.isArray()) {
      element = element.getComponentType();
    }
    if (element != Object.class && !element.isPrimitive()
        && !policy.allowsClass(element.getName())) {
      out.add(new Finding(line, "calls " + owner + "." + name + (call ? "(...)" : "")
          + ", which returns " + r.getName() + ", which rule code may not use"));
      return null;
    }
    return r == Object.class ? UNKNOWN : r;
  }

  /** A resolved member: where it is declared and what it returns (null: ambiguous). */
  private record Member(Class<?> declaring, Class<?> type) {}

  private static Optional<Member> methodMember(Class<?> type, String name, boolean statics) {
    Class<?> declaring = null;
    Class<?> result = null;
    boolean ambiguous = false;
    List<Method> candidates = new ArrayList<>(List.of(type.getMethods()));
    if (type.isInterface()) {
      candidates.addAll(List.of(Object.class.getMethods()));
    }
    for (Method m : candidates) {
      if (!m.getName().equals(name) || (statics && !Modifier.isStatic(m.getModifiers()))) {
        continue;
      }
      if (declaring == null) {
        declaring = m.getDeclaringClass();
        result = m.getReturnType();
      } else if (!declaring.isAssignableFrom(m.getDeclaringClass())
          && !m.getDeclaringClass().isAssignableFrom(declaring)) {
        ambiguous = true;
      } else if (result != m.getReturnType()) {
        ambiguous = true;
      }
    }
    if (declaring == null) {
      return Optional.empty();
    }
    return Optional.of(new Member(declaring, ambiguous ? null : result));
  }

  private static Optional<Member> propertyMember(Class<?> type, String name) {
    String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String getter : List.of("get" + cap, "is" + cap, name)) {
      try {
        Method m = type.getMethod(getter);
        return Optional.of(new Member(m.getDeclaringClass(), m.getReturnType()));
      } catch (NoSuchMethodException e) {
        // next form
      }
    }
    try {
      Field f = type.getField(name);
      return Optional.of(new Member(f.getDeclaringClass(), f.getType()));
    } catch (NoSuchFieldException e) {
      return Optional.empty();
    }
  }

  private static Optional<Member> staticField(Class<?> type, String name) {
    try {
      Field f = type.getField(name);
      if (Modifier.isStatic(f.getModifiers())) {
        return Optional.of(new Member(f.getDeclaringClass(), f.getType()));
      }
    } catch (NoSuchFieldException e) {
      // not a field
    }
    return Optional.empty();
  }

  private static Optional<Class<?>> method(Class<?> type, String name) {
    return methodMember(type, name, false).map(m -> m.type == null ? UNKNOWN : m.type);
  }

  private static Optional<Class<?>> property(Class<?> type, String name) {
    if (type == UNKNOWN) {
      return Optional.empty();
    }
    return propertyMember(type, name).map(m -> m.type);
  }

  /** The properties of a type as rules see them, sorted, for "did you mean" messages. */
  static List<String> propertyNames(Class<?> type) {
    Set<String> names = new java.util.TreeSet<>();
    if (type.isRecord()) {
      for (var c : type.getRecordComponents()) {
        names.add(c.getName());
      }
      return List.copyOf(names);
    }
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class
          || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String n = m.getName();
      if (n.startsWith("get") && n.length() > 3) {
        names.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
      } else if (n.startsWith("is") && n.length() > 2) {
        names.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
      }
    }
    return List.copyOf(names);
  }

  private static List<String> methodNames(Class<?> type) {
    Set<String> names = new java.util.TreeSet<>();
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() != Object.class && !Modifier.isStatic(m.getModifiers())) {
        names.add(m.getName());
      }
    }
    return List.copyOf(names);
  }

  /** The longest run of leading names that is a class; null when none is. */
  private record ClassMatch(String binaryName, int used) {}

  private ClassMatch classPrefix(List<Token> t, List<Integer> names) {
    StringBuilder sb = new StringBuilder();
    List<String> prefixes = new ArrayList<>();
    for (int idx : names) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(t.get(idx).text);
      prefixes.add(sb.toString());
    }
    for (int used = prefixes.size(); used >= 1; used--) {
      // a call cannot be part of a class name, except as the last segment's member
      boolean callInside = false;
      for (int x = 0; x < used; x++) {
        if (isCall(t, names.get(x))) {
          callInside = true;
          break;
        }
      }
      if (callInside) {
        continue;
      }
      Optional<String> cls = classes.resolve(prefixes.get(used - 1));
      if (cls.isPresent()) {
        return new ClassMatch(cls.get(), used);
      }
    }
    return null;
  }

  private static boolean isCall(List<Token> t, int i) {
    return i + 1 < t.size() && t.get(i + 1).kind == Kind.OPEN;
  }

  /** From an opening token, the index of its matching closing token (or the end). */
  private static int skip(List<Token> t, int open, Kind o, Kind c) {
    int depth = 0;
    for (int i = open; i < t.size(); i++) {
      if (t.get(i).kind == o) {
        depth++;
      } else if (t.get(i).kind == c) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return t.size() - 1;
  }
}
