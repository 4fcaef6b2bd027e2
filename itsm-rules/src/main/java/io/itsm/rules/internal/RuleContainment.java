package io.itsm.rules.internal;

import io.itsm.rules.RuleProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.LineMappings;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.mvel2.asm.ClassReader;
import org.mvel2.asm.ClassVisitor;
import org.mvel2.asm.Handle;
import org.mvel2.asm.Label;
import org.mvel2.asm.MethodVisitor;
import org.mvel2.asm.Opcodes;
import org.mvel2.asm.Type;

/**
 * Checks that rule files touch only what {@link RulePolicy} allows, in two passes:
 *
 * <ol>
 *   <li>{@link #checkSources} before Drools compiles anything: imports, {@code import function},
 *       {@code import accumulate}, globals, declared types (super types, field types, initial
 *       values), and the MVEL text of constraints, bindings, {@code from}, {@code accumulate},
 *       salience and other attribute expressions, and consequences in {@code dialect "mvel"};
 *   <li>{@link #checkBytecode} after: every instruction of the Java classes compiled from the
 *       files' consequences, {@code eval}s, inline accumulates and functions (including lambdas,
 *       anonymous and local classes) — calls, field accesses, {@code new}, casts, class literals,
 *       method handles and {@code invokedynamic} bootstraps, super types and {@code synchronized}.
 * </ol>
 *
 * Every violation is a {@link RuleProblem} at the file and line of the code, naming the member.
 * Nothing of the rule file runs before both passes succeeded.
 *
 * <p>Stateless; thread-safe.
 */
public final class RuleContainment {

  private static final String INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";
  private static final Pattern CONSEQUENCE_INVOKER =
      Pattern.compile("^(.*)DefaultConsequenceInvoker(Generated)?$");

  private RuleContainment() {}

  /** What the engine sets as the one global of its rule files. */
  public record Global(String name, Class<?> type) {}

  // ======== pass 1: the parse tree and MVEL text ========

  /**
   * Checks parsed team files before compiling.
   *
   * @param files the files (unparsable files are skipped: Drools reports their syntax errors)
   * @param loader the class loader the rules see
   * @param global the engine's global
   * @return the violations, in file order
   */
  static List<RuleProblem> checkSources(List<ParsedDrl> files, ClassLoader loader, Global global) {
    Set<String> declared = new HashSet<>();
    for (ParsedDrl f : files) {
      if (f.descr() == null) {
        continue;
      }
      String pkg = f.descr().getNamespace();
      for (TypeDeclarationDescr t : f.descr().getTypeDeclarations()) {
        declared.add(qualify(pkg, t.getTypeName()));
      }
      for (EnumDeclarationDescr t : f.descr().getEnumDeclarations()) {
        declared.add(qualify(pkg, t.getTypeName()));
      }
    }
    RulePolicy policy = RulePolicy.forRuleSet(declared);
    List<RuleProblem> problems = new ArrayList<>();
    for (ParsedDrl f : files) {
      if (f.descr() != null) {
        new SourcePass(f, loader, policy, declared, global, problems).run();
      }
    }
    return problems;
  }

  private static String qualify(String pkg, String name) {
    return pkg == null || pkg.isEmpty() || name.contains(".") ? name : pkg + "." + name;
  }

  private static String tail() {
    return "; allowed: " + RulePolicy.allowedSummary();
  }

  /** Resolves class names the way one rule file sees them. */
  private static final class Resolver implements MvelCheck.Classes {
    private final ClassLoader loader;
    private final String pkg;
    private final Map<String, String> explicit = new HashMap<>();
    private final List<String> wildcards = new ArrayList<>();
    private final Set<String> declared;
    private final Map<String, Optional<String>> cache = new HashMap<>();

    Resolver(ClassLoader loader, PackageDescr descr, Set<String> declared) {
      this.loader = loader;
      this.pkg = descr.getNamespace() == null ? "" : descr.getNamespace();
      this.declared = declared;
      for (ImportDescr i : descr.getImports()) {
        String target = i.getTarget();
        if (target.endsWith(".*")) {
          wildcards.add(target.substring(0, target.length() - 2));
        } else {
          int dot = target.lastIndexOf('.');
          explicit.put(target.substring(dot + 1), target);
        }
      }
    }

    @Override
    public Optional<String> resolve(String name) {
      return cache.computeIfAbsent(name, this::find);
    }

    private Optional<String> find(String name) {
      int dot = name.indexOf('.');
      if (dot < 0) {
        return simple(name);
      }
      // Outer.Inner with Outer a simple name the file sees
      Optional<String> outer = simple(name.substring(0, dot));
      if (outer.isPresent()) {
        Optional<String> nested = exists(outer.get() + "$" + name.substring(dot + 1).replace('.', '$'));
        if (nested.isPresent()) {
          return nested;
        }
      }
      // a.b.C, a.b.C.Inner
      String candidate = name;
      while (true) {
        Optional<String> found = exists(candidate);
        if (found.isPresent()) {
          return found;
        }
        int last = candidate.lastIndexOf('.');
        if (last < 0) {
          return Optional.empty();
        }
        candidate = candidate.substring(0, last) + "$" + candidate.substring(last + 1);
        if (candidate.indexOf('.') < 0) {
          return Optional.empty();
        }
      }
    }

    private Optional<String> simple(String name) {
      if (name.isEmpty() || !Character.isUpperCase(name.charAt(0)) && !explicit.containsKey(name)) {
        // lower-case names are variables and properties, not classes
        if (!explicit.containsKey(name)) {
          return Optional.empty();
        }
      }
      if (explicit.containsKey(name)) {
        String target = explicit.get(name);
        return exists(target).or(() -> Optional.of(target));
      }
      String own = qualify(pkg, name);
      if (declared.contains(own)) {
        return Optional.of(own);
      }
      Optional<String> found = exists(own);
      if (found.isPresent()) {
        return found;
      }
      for (String w : wildcards) {
        found = exists(w + "." + name);
        if (found.isPresent()) {
          return found;
        }
      }
      found = exists("java.lang." + name);
      if (found.isPresent()) {
        return found;
      }
      if (name.equals("Array")) {
        return Optional.of("java.lang.reflect.Array"); // one of MVEL's built-in names
      }
      return Optional.empty();
    }

    private Optional<String> exists(String binaryName) {
      if (declared.contains(binaryName)) {
        return Optional.of(binaryName);
      }
      return load(binaryName).map(Class::getName);
    }

    @Override
    public Optional<Class<?>> load(String binaryName) {
      try {
        return Optional.of(Class.forName(binaryName, false, loader));
      } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  /** Pass 1 over one file. */
  private static final class SourcePass {
    private final ParsedDrl file;
    private final PackageDescr descr;
    private final RulePolicy policy;
    private final Resolver resolver;
    private final MvelCheck mvel;
    private final Global global;
    private final List<RuleProblem> problems;
    private final Set<String> functions = new HashSet<>();
    private final String packageDialect;

    SourcePass(ParsedDrl file, ClassLoader loader, RulePolicy policy, Set<String> declared,
        Global global, List<RuleProblem> problems) {
      this.file = file;
      this.descr = file.descr();
      this.policy = policy;
      this.resolver = new Resolver(loader, descr, declared);
      this.mvel = new MvelCheck(policy, resolver);
      this.global = global;
      this.problems = problems;
      AttributeDescr d = descr.getAttribute("dialect");
      this.packageDialect = d == null ? "java" : d.getValue();
      for (FunctionDescr f : descr.getFunctions()) {
        functions.add(f.getName());
      }
    }

    void run() {
      imports();
      globals();
      declarations();
      for (FunctionDescr f : descr.getFunctions()) {
        if ("mvel".equals(f.getDialect())) {
          MvelCheck.Scope s = new MvelCheck.Scope();
          s.functions.addAll(functions);
          text(f.getBody(), s, f.getLine(), "function " + f.getName());
        }
      }
      for (RuleDescr r : descr.getRules()) {
        rule(r);
      }
    }

    private void add(int line, String message) {
      problems.add(new RuleProblem(file.name(), line <= 0 ? -1 : line, -1, message + tail()));
    }

    private void imports() {
      for (ImportDescr i : descr.getImports()) {
        String target = i.getTarget();
        if (target.endsWith(".*")) {
          String p = target.substring(0, target.length() - 2);
          Optional<String> asClass = resolver.exists(p);
          if (asClass.isEmpty() && !packageHasAllowedClass(p)) {
            add(i.getLine(), "imports " + target + ", a package rule code may not use");
          }
          continue;
        }
        Optional<String> cls = resolver.resolve(target.substring(target.lastIndexOf('.') + 1));
        if (cls.isPresent() && !policy.allowsClass(cls.get())) {
          add(i.getLine(), "imports " + cls.get() + ", which rule code may not use");
        }
      }
      for (FunctionImportDescr i : descr.getFunctionImports()) {
        String target = i.getTarget();
        int dot = target.lastIndexOf('.');
        String owner = dot < 0 ? target : target.substring(0, dot);
        String member = dot < 0 ? "" : target.substring(dot + 1);
        Optional<String> cls = resolver.resolve(owner);
        if (cls.isEmpty() || !policy.allowsClass(cls.get())
            || policy.checkMember(cls.get(), member).isPresent()) {
          add(i.getLine(), "imports function " + cls.orElse(owner) + "." + member
              + ", which rule code may not use");
        } else {
          functions.add(member);
        }
      }
      for (AccumulateImportDescr i : descr.getAccumulateImports()) {
        Optional<String> cls = resolver.resolve(i.getTarget());
        if (cls.isEmpty() || !policy.allowsClass(cls.get())) {
          add(i.getLine(), "imports accumulate function " + i.getTarget() + " as '"
              + i.getFunctionName() + "', code that rule code may not use");
        }
      }
    }

    private boolean packageHasAllowedClass(String pkg) {
      for (String probe : List.of("Object", "String", "List", "Instant", "Function", "Stream",
          "Pattern", "BigDecimal", "TicketFact", "IncidentFact", "KeywordHit", "Priority",
          "TriageAttribute", "SlaKind", "Role", "SlaState", "EscalationAction", "TeamMap",
          "ValidationException", "DateTimeFormatter", "ChronoUnit", "ZoneRules", "ChronoLocalDate")) {
        if (policy.allowsClass(pkg + "." + probe)) {
          return true;
        }
      }
      return false;
    }

    private void globals() {
      for (GlobalDescr g : descr.getGlobals()) {
        if (!g.getIdentifier().equals(global.name())) {
          add(g.getLine(), "declares global '" + g.getIdentifier() + "', which the engine never"
              + " sets (only '" + global.name() + "' of type " + global.type().getName()
              + "); rule code may not use other globals");
          continue;
        }
        Optional<String> cls = resolver.resolve(g.getType());
        if (cls.isEmpty() || !cls.get().equals(global.type().getName())) {
          add(g.getLine(), "declares global '" + g.getIdentifier() + "' as " + g.getType()
              + ", but the engine sets it to a " + global.type().getName()
              + "; declare: global " + global.type().getName() + " " + global.name());
        }
      }
    }

    private void declarations() {
      for (TypeDeclarationDescr t : descr.getTypeDeclarations()) {
        for (QualifiedName s : t.getSuperTypes()) {
          Optional<String> cls = resolver.resolve(s.getFullName());
          if (cls.isPresent() && !policy.allowsClass(cls.get())) {
            add(t.getLine(), "declares type " + t.getTypeName() + " extending " + cls.get()
                + ", which rule code may not use");
          }
        }
        for (AnnotationDescr a : t.getAnnotations()) {
          for (Object v : a.getValueMap().values()) {
            text(String.valueOf(v), new MvelCheck.Scope(), a.getLine() > 0 ? a.getLine()
                : t.getLine(), "type " + t.getTypeName());
          }
        }
        for (TypeFieldDescr f : t.getFields().values()) {
          String type = f.getPattern() == null ? null : f.getPattern().getObjectType();
          if (type != null) {
            String base = type.replace("[]", "");
            int generic = base.indexOf('<');
            base = generic < 0 ? base : base.substring(0, generic);
            Optional<String> cls = resolver.resolve(base.strip());
            if (cls.isPresent() && !policy.allowsClass(cls.get())) {
              add(f.getLine(), "declares field " + t.getTypeName() + "." + f.getFieldName()
                  + " of type " + cls.get() + ", which rule code may not use");
            }
          }
          if (f.getInitExpr() != null) {
            MvelCheck.Scope s = new MvelCheck.Scope();
            s.functions.addAll(functions);
            text(f.getInitExpr(), s, f.getLine(), "type " + t.getTypeName());
          }
        }
      }
      for (EnumDeclarationDescr e : descr.getEnumDeclarations()) {
        for (EnumLiteralDescr l : e.getLiterals()) {
          for (String arg : l.getConstructorArgs()) {
            text(arg, new MvelCheck.Scope(), e.getLine(), "enum " + e.getTypeName());
          }
        }
      }
    }

    private void rule(RuleDescr r) {
      String what = (r.isQuery() ? "query" : "rule") + " \"" + r.getName() + "\"";
      AttributeDescr dialectAttr = r.getAttributes().get("dialect");
      String dialect = dialectAttr != null ? dialectAttr.getValue() : packageDialect;
      MvelCheck.Scope scope = new MvelCheck.Scope();
      scope.functions.addAll(functions);
      scope.variables.put(global.name(), global.type());
      bindings(r.getLhs(), scope);
      for (AttributeDescr a : r.getAttributes().values()) {
        switch (a.getName()) {
          case "salience", "enabled", "timer", "duration", "calendars" -> {
            String v = a.getValue();
            if (v != null && !v.strip().matches("-?\\d+|true|false")) {
              text(v, scope.copy(), a.getLine(), what);
            }
          }
          default -> { }
        }
      }
      lhs(r.getLhs(), scope, what, "mvel".equals(dialect));
      if ("mvel".equals(dialect) && r.getConsequence() instanceof String c) {
        MvelCheck.Scope s = scope.copy();
        s.consequence = true;
        s.thisType = null;
        s.variables.put("drools", org.drools.core.rule.consequence.KnowledgeHelper.class);
        s.variables.put("kcontext", org.kie.api.runtime.rule.RuleContext.class);
        text(c, s, file.firstCodeLine(r.getConsequenceLine()), what);
        for (Object named : r.getNamedConsequences().values()) {
          if (named instanceof String n) {
            text(n, s, r.getConsequenceLine(), what);
          }
        }
      }
    }

    /** Collects the rule's bindings with their types where they can be known. */
    private void bindings(BaseDescr d, MvelCheck.Scope scope) {
      if (d instanceof PatternDescr p) {
        Class<?> type = patternType(p);
        if (p.getIdentifier() != null) {
          scope.variables.put(p.getIdentifier(), type);
        }
        for (BaseDescr c : p.getDescrs()) {
          if (c instanceof ExprConstraintDescr e) {
            Matcher m = BINDING.matcher(e.getExpression());
            if (m.lookingAt()) {
              scope.variables.put(m.group(1), propertyType(type, m.group(2)));
            }
          } else if (c instanceof BindingDescr b) {
            scope.variables.put(b.getVariable(), propertyType(type, b.getExpression()));
          }
        }
        if (p.getSource() != null) {
          bindings(p.getSource(), scope);
        }
      } else if (d instanceof AccumulateDescr a) {
        for (BaseDescr c : a.getDescrs()) {
          bindings(c, scope);
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
          if (f.getBind() != null) {
            scope.variables.put(f.getBind(), MvelCheck.UNKNOWN);
          }
        }
      } else if (d instanceof CollectDescr c) {
        if (c.getInputPattern() != null) {
          bindings(c.getInputPattern(), scope);
        }
      } else if (d instanceof ConditionalElementDescr ce) {
        for (Object c : ce.getDescrs()) {
          bindings((BaseDescr) c, scope);
        }
      } else if (d instanceof ForallDescr f) {
        for (BaseDescr c : f.getDescrs()) {
          bindings(c, scope);
        }
      }
    }

    private static final Pattern BINDING =
        Pattern.compile("\\s*(\\$?[A-Za-z_][A-Za-z0-9_$]*)\\s*:\\s*([A-Za-z_][A-Za-z0-9_]*)?");

    private Class<?> patternType(PatternDescr p) {
      String t = p.getObjectType();
      if (t == null) {
        return MvelCheck.UNKNOWN;
      }
      Optional<String> cls = resolver.resolve(t);
      return cls.flatMap(resolver::load).orElse(MvelCheck.UNKNOWN);
    }

    private static Class<?> propertyType(Class<?> type, String property) {
      if (property == null || type == MvelCheck.UNKNOWN || !property.matches("[A-Za-z_]\\w*")) {
        return MvelCheck.UNKNOWN;
      }
      String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
      for (String name : List.of("get" + cap, "is" + cap, property)) {
        try {
          Class<?> r = type.getMethod(name).getReturnType();
          return r == Object.class ? MvelCheck.UNKNOWN : r;
        } catch (NoSuchMethodException e) {
          // next
        }
      }
      return MvelCheck.UNKNOWN;
    }

    private void lhs(BaseDescr d, MvelCheck.Scope scope, String what, boolean mvelDialect) {
      if (d instanceof PatternDescr p) {
        MvelCheck.Scope s = scope.copy();
        s.thisType = patternType(p);
        for (BaseDescr c : p.getDescrs()) {
          if (c instanceof ExprConstraintDescr e) {
            text(e.getExpression(), s, line(e, p), what);
          } else if (c instanceof BindingDescr b) {
            text(b.getExpression(), s, line(b, p), what);
          }
        }
        PatternSourceDescr src = p.getSource();
        if (src != null) {
          MvelCheck.Scope outer = scope.copy();
          outer.thisType = null;
          source(src, outer, what, mvelDialect, p.getLine());
        }
      } else if (d instanceof EvalDescr e) {
        if (mvelDialect && e.getContent() instanceof String c) {
          MvelCheck.Scope s = scope.copy();
          s.thisType = null;
          text(c, s, e.getLine(), what);
        }
      } else if (d instanceof ConditionalElementDescr ce) {
        for (Object c : ce.getDescrs()) {
          lhs((BaseDescr) c, scope, what, mvelDialect);
        }
      } else if (d instanceof ForallDescr f) {
        for (BaseDescr c : f.getDescrs()) {
          lhs(c, scope, what, mvelDialect);
        }
      }
    }

    private void source(PatternSourceDescr src, MvelCheck.Scope scope, String what,
        boolean mvelDialect, int patternLine) {
      int line = src.getLine() > 0 ? src.getLine() : patternLine;
      if (src instanceof FromDescr f) {
        if (f.getDataSource() instanceof MVELExprDescr m) {
          text(m.getExpression(), scope, line, what);
        } else {
          text(f.getExpression(), scope, line, what);
        }
      } else if (src instanceof AccumulateDescr a) {
        for (BaseDescr c : a.getDescrs()) {
          lhs(c, scope, what, mvelDialect);
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
          for (String param : f.getParams()) {
            text(param, scope, line, what);
          }
        }
        if (mvelDialect) {
          for (String code : new String[] {a.getInitCode(), a.getActionCode(), a.getReverseCode(),
              a.getResultCode()}) {
            if (code != null) {
              text(code, scope, line, what);
            }
          }
        }
      } else if (src instanceof CollectDescr c) {
        if (c.getInputPattern() != null) {
          lhs(c.getInputPattern(), scope, what, mvelDialect);
        }
      }
    }

    private static int line(BaseDescr d, BaseDescr parent) {
      return d.getLine() > 0 ? d.getLine() : parent.getLine();
    }

    private void text(String text, MvelCheck.Scope scope, int line, String what) {
      for (MvelCheck.Finding f : mvel.check(text, scope)) {
        int at = line < 0 ? -1 : line + f.lineInText();
        if (f.containment()) {
          add(at, what + " " + f.message());
        } else {
          problems.add(new RuleProblem(file.name(), at <= 0 ? -1 : at, -1,
              what + " " + f.message()));
        }
      }
    }
  }

  // ======== pass 2: bytecode ========

  /**
   * Where a class compiled from a rule file comes from, and how its generated lines map to the
   * file's lines.
   *
   * @param file the rule file
   * @param what {@code rule "name"} or {@code function name}
   * @param mapping Drools' line mapping of the class, or null
   * @param firstCodeLine for a rule class, the line of the first code of the consequence
   * @param ruleLine the line of the rule or function
   * @param conditionLine the line code before the consequence maps to (an {@code eval})
   */
  public record Origin(String file, String what, LineMappings mapping, int firstCodeLine,
      int ruleLine, int conditionLine) {

    /**
     * An origin whose conditions' code maps to the rule's line.
     *
     * @param file the rule file
     * @param what {@code rule "name"} or {@code function name}
     * @param mapping Drools' line mapping of the class, or null
     * @param firstCodeLine for a rule class, the line of the first code of the consequence
     * @param ruleLine the line of the rule or function
     */
    public Origin(String file, String what, LineMappings mapping, int firstCodeLine,
        int ruleLine) {
      this(file, what, mapping, firstCodeLine, ruleLine, ruleLine);
    }

    /**
     * Maps a line of the generated Java source to the rule file.
     *
     * @param generatedLine the generated line (from a stack trace or a compile error)
     * @return the 1-based line in the rule file, or the rule's line when it cannot be mapped
     */
    public int drlLine(int generatedLine) {
      if (mapping == null || generatedLine <= 0) {
        return ruleLine;
      }
      if (what.startsWith("function")) {
        return mapping.getStartLine() + generatedLine - mapping.getOffset();
      }
      // consequence method: header at offset+1, two lines of context, then the trimmed code
      int first = mapping.getOffset() + 4;
      if (generatedLine >= first) {
        return firstCodeLine + generatedLine - first;
      }
      return conditionLine; // an eval, predicate or inline accumulate before the consequence
    }
  }

  /**
   * Works out which compiled class comes from which rule or function of which file.
   *
   * @param packages the compiled packages
   * @param files the parsed files by name (the files whose code is mapped)
   * @return binary class name → origin
   */
  public static Map<String, Origin> origins(Collection<KiePackage> packages,
      Map<String, ParsedDrl> files) {
    Map<String, Origin> out = new HashMap<>();
    for (KiePackage p : packages) {
      InternalKnowledgePackage ip = (InternalKnowledgePackage) p;
      Map<String, LineMappings> mappings = ip.getDialectRuntimeRegistry().getLineMappings();
      for (Rule r : p.getRules()) {
        RuleImpl ri = (RuleImpl) r;
        String file = ri.getResource() == null ? null : ri.getResource().getSourcePath();
        ParsedDrl parsed = file == null ? null : files.get(file);
        if (parsed == null || ri.getConsequence() == null) {
          continue;
        }
        Matcher m = CONSEQUENCE_INVOKER.matcher(ri.getConsequence().getClass().getName());
        if (!m.matches()) {
          continue;
        }
        String cls = m.group(1);
        LineMappings lm = mappings.get(cls);
        int ruleLine = parsed.ruleLine(r.getName());
        int evalLine = parsed.rule(r.getName()).flatMap(d -> CompileErrors.firstEvalLine(
            d.getLhs())).orElse(ruleLine);
        int first = lm == null ? -1 : parsed.firstCodeLine(lm.getStartLine());
        out.put(cls, new Origin(file, "rule \"" + r.getName() + "\"", lm, first, ruleLine,
            evalLine));
      }
    }
    for (ParsedDrl f : files.values()) {
      if (f.descr() == null) {
        continue;
      }
      String pkg = f.descr().getNamespace();
      for (FunctionDescr fn : f.descr().getFunctions()) {
        String cls = qualify(pkg, Character.toUpperCase(fn.getName().charAt(0))
            + fn.getName().substring(1));
        LineMappings lm = null;
        for (KiePackage p : packages) {
          if (p.getName().equals(pkg)) {
            lm = ((InternalKnowledgePackage) p).getDialectRuntimeRegistry().getLineMappings()
                .get(cls);
          }
        }
        out.put(cls, new Origin(f.name(), "function " + fn.getName(), lm, -1, fn.getLine()));
      }
    }
    return out;
  }

  /**
   * Finds the origin of a class: its own, or that of the class it is nested in (lambdas' hosts,
   * anonymous and local classes).
   *
   * @param origins the origins
   * @param binaryName the class
   * @return the origin, if the class comes from a mapped file
   */
  public static Optional<Origin> originOf(Map<String, Origin> origins, String binaryName) {
    Origin o = origins.get(binaryName);
    if (o != null) {
      return Optional.of(o);
    }
    String best = null;
    for (String k : origins.keySet()) {
      if (binaryName.startsWith(k + "$") && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    return best == null ? Optional.empty() : Optional.of(origins.get(best));
  }

  /**
   * Checks the Java classes compiled from the team's files.
   *
   * @param packages the compiled packages
   * @param origins the origins of the team's classes ({@link #origins})
   * @param declaredTypes the binary names of types the files declare
   * @return the violations
   */
  static List<RuleProblem> checkBytecode(Collection<KiePackage> packages,
      Map<String, Origin> origins, Set<String> declaredTypes) {
    Map<String, byte[]> classes = new HashMap<>();
    Set<String> teamPackages = new HashSet<>();
    for (String cls : origins.keySet()) {
      int dot = cls.lastIndexOf('.');
      teamPackages.add(dot < 0 ? "" : cls.substring(0, dot));
    }
    for (KiePackage p : packages) {
      if (!teamPackages.contains(p.getName())) {
        continue;
      }
      InternalKnowledgePackage ip = (InternalKnowledgePackage) p;
      if (ip.getDialectRuntimeRegistry().getDialectData("java")
          instanceof JavaDialectRuntimeData jd) {
        for (Map.Entry<String, byte[]> e : jd.getStore().entrySet()) {
          String name = e.getKey().endsWith(".class")
              ? e.getKey().substring(0, e.getKey().length() - 6) : e.getKey();
          classes.put(name.replace('/', '.'), e.getValue());
        }
      }
    }
    Set<String> own = new HashSet<>(classes.keySet());
    own.addAll(declaredTypes);
    RulePolicy policy = RulePolicy.forRuleSet(own);
    Set<String> seen = new LinkedHashSet<>();
    List<RuleProblem> problems = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : classes.entrySet()) {
      Optional<Origin> origin = originOf(origins, e.getKey());
      if (origin.isEmpty()) {
        continue; // Drools' invokers, or a default pack sharing the package
      }
      ClassReader reader = new ClassReader(e.getValue());
      if (List.of(reader.getInterfaces()).contains(INVOKER)) {
        continue;
      }
      reader.accept(new Checker(policy, origin.get(), problems, seen), ClassReader.SKIP_FRAMES);
    }
    problems.sort(java.util.Comparator.comparing(RuleProblem::file)
        .thenComparingInt(RuleProblem::line));
    return problems;
  }

  private static String binary(String internal) {
    return internal.replace('/', '.');
  }

  /** Visits one class: its super types and every instruction of every method. */
  private static final class Checker extends ClassVisitor {
    private final RulePolicy policy;
    private final Origin origin;
    private final List<RuleProblem> problems;
    private final Set<String> seen;
    private int line = -1;

    Checker(RulePolicy policy, Origin origin, List<RuleProblem> problems, Set<String> seen) {
      super(Opcodes.ASM9);
      this.policy = policy;
      this.origin = origin;
      this.problems = problems;
      this.seen = seen;
    }

    /** Problems of the class itself (super types), reported at its first line of code. */
    private final List<String> pending = new ArrayList<>();

    private void flush() {
      List<String> p = List.copyOf(pending);
      pending.clear();
      p.forEach(this::add);
    }

    private void add(String message) {
      if (line < 0 && pending != null && !pending.contains(message)
          && (message.startsWith("extends ") || message.startsWith("implements "))) {
        pending.add(message);
        return;
      }
      int drl = origin.drlLine(line);
      String key = origin.file() + ":" + drl + ":" + message;
      if (seen.add(key)) {
        problems.add(new RuleProblem(origin.file(), drl, -1,
            origin.what() + " " + message + tail()));
      }
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      if (superName != null && !policy.allowsClass(binary(superName))) {
        add("extends " + binary(superName) + ", which rule code may not use");
      }
      if (interfaces != null) {
        for (String i : interfaces) {
          if (!policy.allowsClass(binary(i)) && !i.equals("java/io/Externalizable")
              && !i.equals("java/io/Serializable")) {
            add("implements " + binary(i) + ", which rule code may not use");
          }
        }
      }
    }

    @Override
    public void visitEnd() {
      line = Math.max(line, 0);
      flush();
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      line = -1;
      if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
        add("declares synchronized method " + name + ", which rule code may not use");
      }
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitLineNumber(int l, Label start) {
          line = l;
          if (!pending.isEmpty()) {
            flush();
          }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String n, String desc,
            boolean isInterface) {
          call(owner, n, desc);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String n, String desc) {
          String o = binary(owner);
          boolean write = opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC;
          boolean ok = write ? isOwn(o)
              : policy.allowsClass(o) && policy.checkMember(o, n).isEmpty();
          if (!ok) {
            add((write ? "writes " : "reads ") + o + "." + n + ", which rule code may not use");
          }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          String t = Type.getObjectType(type).getClassName();
          if (!policy.allowsClass(t) && !RulePolicy.isContextClass(t)) {
            add((opcode == Opcodes.NEW ? "creates " : opcode == Opcodes.CHECKCAST ? "casts to "
                : opcode == Opcodes.INSTANCEOF ? "tests instanceof " : "creates an array of ")
                + t + ", which rule code may not use");
          }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dims) {
          String t = Type.getType(descriptor).getClassName();
          if (!policy.allowsClass(t)) {
            add("creates an array of " + t + ", which rule code may not use");
          }
        }

        @Override
        public void visitLdcInsn(Object value) {
          constant(value);
        }

        @Override
        public void visitInvokeDynamicInsn(String n, String desc, Handle bsm, Object... args) {
          String owner = bsm.getOwner();
          if (!owner.equals("java/lang/invoke/LambdaMetafactory")
              && !owner.equals("java/lang/invoke/StringConcatFactory")) {
            add("uses the bootstrap method " + binary(owner) + "." + bsm.getName()
                + ", which rule code may not use");
          }
          for (Object a : args) {
            constant(a);
          }
        }

        @Override
        public void visitInsn(int opcode) {
          if (opcode == Opcodes.MONITORENTER) {
            add("synchronizes on an object, which rule code may not do");
          }
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
          // catching is harmless: thrown errors are the engine's to report
        }
      };
    }

    private boolean isOwn(String binaryName) {
      return policy.allowsClass(binaryName) && !binaryName.startsWith("java.")
          && !binaryName.startsWith("io.itsm.");
    }

    private void constant(Object value) {
      if (value instanceof Type t) {
        if (t.getSort() == Type.METHOD) {
          return;
        }
        String c = t.getClassName();
        if (!policy.allowsClass(c)) {
          add("uses " + c + ".class, which rule code may not use");
        }
      } else if (value instanceof Handle h) {
        call(h.getOwner(), h.getName(), h.getDesc());
      }
    }

    private void call(String owner, String name, String desc) {
      String o = binary(owner);
      if (o.startsWith("[")) {
        return; // clone() of an array
      }
      Optional<String> denied = policy.checkMember(o, name);
      if (denied.isPresent() || (!policy.allowsClass(o) && !RulePolicy.isContextClass(o))) {
        String why = denied.map(d -> d.isEmpty() ? "" : " (" + d + ")").orElse("");
        add("calls " + o + "." + signature(name, desc) + ", which rule code may not use" + why);
        return;
      }
      if (desc.startsWith("(")) {
        Type r = Type.getReturnType(desc);
        String rn = r.getClassName();
        if (r.getSort() == Type.OBJECT || r.getSort() == Type.ARRAY) {
          if (!policy.allowsClass(rn) && !RulePolicy.isContextClass(rn)
              && !RulePolicy.isContextClass(o)) {
            add("calls " + o + "." + signature(name, desc) + ", which returns " + rn
                + ", which rule code may not use");
          }
        }
      }
    }

    private static String signature(String name, String desc) {
      if (!desc.startsWith("(")) {
        return name;
      }
      StringBuilder sb = new StringBuilder(name.equals("<init>") ? "<init>" : name).append('(');
      Type[] args = Type.getArgumentTypes(desc);
      for (int i = 0; i < args.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(args[i].getClassName());
      }
      return sb.append(')').toString();
    }
  }
}
