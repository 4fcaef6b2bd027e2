package io.itsm.rules.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What rule code may touch: our fact and decision types, {@code java.lang} strings, maths and
 * boxing, {@code java.time}, {@code java.util} collections, streams and regular expressions.
 * Everything else — {@code System}, {@code Runtime}, {@code Thread}, files, network, reflection,
 * class loading, {@code Unsafe}, Drools' and MVEL's own runtime — is refused, and so are a few
 * members of allowed types that lead out ({@code getClass()}, {@code wait()}, parallel streams,
 * {@code Integer.getInteger} which reads system properties).
 *
 * <p>The policy is an allow-list of classes and packages (not of sub-packages) plus a deny-list of
 * member names. {@link RuleContainment} applies it to the bytecode of Java code and to the text of
 * MVEL expressions.
 *
 * <p>Immutable and thread-safe.
 */
public final class RulePolicy {

  /** Packages whose every class is allowed (exact package names, sub-packages not included). */
  private static final Set<String> PACKAGES = Set.of(
      "java.time", "java.time.format", "java.time.temporal", "java.time.chrono", "java.time.zone",
      "java.util.function", "java.util.stream", "java.util.regex",
      "io.itsm.rules.facts", "io.itsm.rules.escalation", "io.itsm.rules.keywords",
      "io.itsm.core.incident", "io.itsm.core.triage", "io.itsm.core.event", "io.itsm.core.access",
      "io.itsm.core.sla", "io.itsm.core.escalation");

  /** Single classes that are allowed. */
  private static final Set<String> CLASSES = Set.of(
      // java.lang: text, maths, boxing, the exceptions a rule may throw
      "java.lang.Object", "java.lang.String", "java.lang.StringBuilder", "java.lang.StringBuffer",
      "java.lang.CharSequence", "java.lang.Character", "java.lang.Boolean", "java.lang.Byte",
      "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
      "java.lang.Double", "java.lang.Number", "java.lang.Math", "java.lang.StrictMath",
      "java.lang.Enum", "java.lang.Comparable", "java.lang.Iterable", "java.lang.Void",
      "java.lang.Record", "java.lang.Throwable", "java.lang.Exception",
      "java.lang.RuntimeException", "java.lang.IllegalArgumentException",
      "java.lang.IllegalStateException", "java.lang.UnsupportedOperationException",
      "java.lang.NullPointerException", "java.lang.ArithmeticException",
      "java.lang.IndexOutOfBoundsException", "java.lang.NumberFormatException",
      "java.lang.AutoCloseable", "java.lang.Runnable",
      "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode",
      "java.math.MathContext",
      // java.util: collections and small value types
      "java.util.Collection", "java.util.List", "java.util.ArrayList", "java.util.LinkedList",
      "java.util.Map", "java.util.Map$Entry", "java.util.HashMap", "java.util.LinkedHashMap",
      "java.util.TreeMap", "java.util.SortedMap", "java.util.NavigableMap", "java.util.EnumMap",
      "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
      "java.util.SortedSet", "java.util.NavigableSet", "java.util.EnumSet", "java.util.Queue",
      "java.util.Deque", "java.util.ArrayDeque", "java.util.PriorityQueue", "java.util.Iterator",
      "java.util.ListIterator", "java.util.Collections", "java.util.Arrays", "java.util.Objects",
      "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong",
      "java.util.OptionalDouble", "java.util.Comparator", "java.util.StringJoiner",
      "java.util.Locale", "java.util.UUID", "java.util.BitSet", "java.util.Spliterator",
      "java.util.AbstractMap$SimpleEntry", "java.util.AbstractMap$SimpleImmutableEntry",
      // ours, besides the fact packages
      "io.itsm.rules.TeamMap", "io.itsm.core.ItsmException", "io.itsm.core.ValidationException",
      // the values the improvement, CMDB, announcement and notification facts carry (not their services)
      "io.itsm.core.survey.SurveyChannel",
      "io.itsm.core.cmdb.Criticality", "io.itsm.core.cmdb.CiType",
      "io.itsm.core.announcement.AnnouncementKind", "io.itsm.core.notification.DeliveryChannel",
      "io.itsm.core.knowledge.ArticleKind", "io.itsm.core.knowledge.Audience");

  /**
   * Members refused on every type, allowed or not: they reach classes, class loaders, threads,
   * monitors, the common fork-join pool or system properties.
   */
  private static final Set<String> DENIED_MEMBERS = Set.of(
      "getClass", "class", "getDeclaringClass", "declaringClass", "describeConstable",
      "wait", "notify", "notifyAll", "finalize",
      "parallel", "parallelStream", "parallelSort", "parallelPrefix", "parallelSetAll",
      "getBoolean", "getInteger", "getLong", "setDefault",
      "classLoader", "getClassLoader", "contextClassLoader", "getContextClassLoader",
      "forName", "loadClass", "defineClass", "newInstance", "invoke", "invokeExact",
      "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField",
      "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor",
      "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "setAccessible",
      "getRuntime", "exec", "exit", "halt", "getModule", "module", "lookup",
      "getKieRuntime", "kieRuntime", "getKnowledgeRuntime", "knowledgeRuntime",
      "getWorkingMemory", "workingMemory", "getEntryPoint", "getEntryPoints", "getChannels",
      "getKieBase", "getSession", "getResource", "getResourceAsStream");

  /**
   * Drools' consequence context ({@code drools}, {@code kcontext}) and the rule it exposes: only
   * these members, which insert, update and delete facts and name the rule.
   */
  private static final Set<String> CONTEXT_CLASSES = Set.of(
      "org.drools.core.rule.consequence.KnowledgeHelper", "org.kie.api.runtime.rule.RuleContext",
      "org.drools.base.rule.consequence.ConsequenceContext");

  private static final Set<String> CONTEXT_MEMBERS = Set.of(
      "insert", "insertLogical", "update", "delete", "retract", "getRule", "rule");

  private static final Set<String> RULE_CLASSES = Set.of(
      "org.kie.api.definition.rule.Rule", "org.drools.base.definitions.rule.impl.RuleImpl");

  private static final Set<String> RULE_MEMBERS = Set.of(
      "getName", "name", "getPackageName", "packageName", "getMetaData", "metaData");

  /** The bit masks Drools' own {@code modify} and {@code update} code passes. */
  private static final String BITMASK_PACKAGE = "org.drools.util.bitmask";

  /**
   * The literal holders Drools' generated code builds for a constraint on a non-fact pattern, such
   * as {@code List(size >= 3) from accumulate(...)}: only these members, which wrap a value.
   */
  private static final String FIELD_FACTORY = "org.drools.mvel.field.FieldFactory";

  private static final Set<String> FIELD_FACTORY_MEMBERS = Set.of("getInstance", "getFieldValue");

  /** What the policy says about the classes of one rule set: its own are allowed too. */
  private final Set<String> ownClasses;

  private RulePolicy(Set<String> ownClasses) {
    this.ownClasses = ownClasses;
  }

  /**
   * Returns the policy for a rule set whose own classes (declared types, functions, the classes
   * Drools generated from its rules) are {@code ownClasses}.
   *
   * @param ownClasses binary class names, for example {@code team.Rule_X123}
   * @return the policy
   */
  public static RulePolicy forRuleSet(Set<String> ownClasses) {
    return new RulePolicy(Set.copyOf(ownClasses));
  }

  /**
   * A short list of what rule code may use, for error messages.
   *
   * @return the text
   */
  public static String allowedSummary() {
    return "our fact and decision types (io.itsm.rules.facts, io.itsm.rules.escalation,"
        + " io.itsm.core.incident, io.itsm.core.triage, ...), java.lang strings, maths and boxing,"
        + " java.math, java.time, java.util collections, streams (not parallel) and regex";
  }

  /**
   * Tells whether rule code may use a class (name it, create it, call its static members, read
   * its static fields). Arrays are judged by their element type.
   *
   * @param binaryName for example {@code java.lang.String} or {@code java.util.Map$Entry}
   * @return whether it is allowed
   */
  public boolean allowsClass(String binaryName) {
    String n = binaryName;
    while (n.endsWith("[]")) {
      n = n.substring(0, n.length() - 2);
    }
    if (isPrimitive(n) || CLASSES.contains(n) || ownClasses.contains(n)) {
      return true;
    }
    int dot = n.lastIndexOf('.');
    if (dot > 0 && PACKAGES.contains(n.substring(0, dot))) {
      return true;
    }
    return false;
  }

  /**
   * Tells whether rule code may touch a member (call a method, read a field) of a class.
   *
   * @param owner the class the member is looked up on (binary name)
   * @param member the method or field name, or a property name in MVEL
   * @return empty when allowed, else why not (to follow "which rule code may not use")
   */
  public Optional<String> checkMember(String owner, String member) {
    if (CONTEXT_CLASSES.contains(owner)) {
      return CONTEXT_MEMBERS.contains(member)
          ? Optional.empty()
          : Optional.of("only " + List.copyOf(CONTEXT_MEMBERS).stream().sorted().toList()
              + " of the rule context may be used");
    }
    if (RULE_CLASSES.contains(owner)) {
      return RULE_MEMBERS.contains(member)
          ? Optional.empty()
          : Optional.of("only the rule's name, package and metadata may be read");
    }
    if (owner.startsWith(BITMASK_PACKAGE + ".")) {
      return Optional.empty();
    }
    if (owner.equals(FIELD_FACTORY)) {
      return FIELD_FACTORY_MEMBERS.contains(member)
          ? Optional.empty()
          : Optional.of("only the literal values of constraints may be built");
    }
    if (DENIED_MEMBERS.contains(member)) {
      return Optional.of(reason(member));
    }
    if (!allowsClass(owner)) {
      return Optional.of("");
    }
    return Optional.empty();
  }

  /**
   * Tells whether a member name is refused on every type.
   *
   * @param member the name
   * @return whether it is refused
   */
  public static boolean isDeniedMember(String member) {
    return DENIED_MEMBERS.contains(member);
  }

  /**
   * Whether the class is Drools' consequence context or rule, whose listed members are allowed.
   *
   * @param binaryName the class
   * @return whether it is one of them
   */
  public static boolean isContextClass(String binaryName) {
    return CONTEXT_CLASSES.contains(binaryName) || RULE_CLASSES.contains(binaryName)
        || binaryName.startsWith(BITMASK_PACKAGE + ".") || binaryName.equals(FIELD_FACTORY);
  }

  private static String reason(String member) {
    return switch (member) {
      case "getClass", "class", "getDeclaringClass", "declaringClass", "describeConstable" ->
          "it leads to reflection";
      case "wait", "notify", "notifyAll" -> "it blocks on or signals a monitor";
      case "parallel", "parallelStream", "parallelSort", "parallelPrefix", "parallelSetAll" ->
          "it runs rule code on other threads, outside the time budget";
      case "getBoolean", "getInteger", "getLong" -> "it reads system properties";
      case "setDefault" -> "it changes a default of the whole JVM";
      default -> "it leads out of the rule: class loading, reflection, the runtime or the session";
    };
  }

  private static boolean isPrimitive(String n) {
    return switch (n) {
      case "boolean", "byte", "short", "char", "int", "long", "float", "double", "void" -> true;
      default -> false;
    };
  }
}
