package io.itsm.rules.internal;

import io.itsm.rules.RuleProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.rule.LineMappings;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.FunctionError;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.jci.CompilationProblem;

/**
 * Turns Drools' compile errors into {@link RuleProblem}s that point at the failing line: a Java
 * error in a consequence, function or {@code eval} is mapped from the generated source back to
 * the rule file (Drools itself reports the rule's first line); an unknown field of a fact names
 * the fields that exist and the closest one, instead of MVEL's five-line dump; Drools' noise line
 * "Parser returned a null Package" is dropped when a real problem is reported.
 *
 * <p>Stateless.
 */
final class CompileErrors {

  private static final String NULL_PACKAGE = "Parser returned a null Package";
  private static final Pattern STRICT = Pattern.compile(
      "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
  private static final Pattern ANALYSE = Pattern.compile(
      "Unable to Analyse Expression (.*?):\\s*\\[Error: (.*?)\\]", Pattern.DOTALL);

  private CompileErrors() {}

  static List<RuleProblem> translate(KnowledgeBuilder builder, List<ParsedDrl> files) {
    Map<String, ParsedDrl> byName = new HashMap<>();
    for (ParsedDrl f : files) {
      byName.put(f.name(), f);
    }
    List<RuleProblem> out = new ArrayList<>();
    List<RuleProblem> noise = new ArrayList<>();
    for (KnowledgeBuilderError e : builder.getErrors()) {
      String file = e.getResource() != null && e.getResource().getSourcePath() != null
          ? e.getResource().getSourcePath() : "?";
      String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
      if (message.contains(NULL_PACKAGE)) {
        noise.add(new RuleProblem(file, -1, -1, message));
        continue;
      }
      ParsedDrl parsed = byName.get(file);
      Object object = e instanceof DescrBuildError d ? d.getObject()
          : e instanceof FunctionError f ? f.getObject() : null;
      if (object instanceof CompilationProblem[] problems && problems.length > 0) {
        for (CompilationProblem p : problems) {
          out.add(java(builder, e, parsed, file, p));
        }
        continue;
      }
      if (e instanceof ParserError pe) {
        int line = pe.getRow() <= 0 ? -1 : pe.getRow();
        out.add(new RuleProblem(file, line, pe.getCol() < 0 ? -1 : pe.getCol() + 1, message));
        continue;
      }
      int line = line(e);
      String what = parsed == null ? "" : rulePrefix(parsed, line);
      Matcher strict = STRICT.matcher(message);
      Matcher analyse = ANALYSE.matcher(message);
      if (strict.find()) {
        out.add(new RuleProblem(file, line, -1, what + unknownField(strict.group(1),
            strict.group(2), analyse.find() ? analyse.group(1).strip() : null)));
      } else if (analyse.find()) {
        out.add(new RuleProblem(file, line, -1, what + "cannot compile '"
            + analyse.group(1).strip() + "': " + analyse.group(2).strip()));
      } else {
        out.add(new RuleProblem(file, line, -1, message));
      }
    }
    if (out.isEmpty()) {
      out.addAll(noise);
    }
    return out;
  }

  private static int line(KnowledgeBuilderError e) {
    if (e instanceof DescrBuildError d && d.getDescr() != null && d.getDescr().getLine() > 0) {
      return d.getDescr().getLine();
    }
    int[] lines = e.getLines();
    return lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : -1;
  }

  private static String rulePrefix(ParsedDrl parsed, int line) {
    if (parsed.descr() == null || line <= 0) {
      return "";
    }
    RuleDescr best = null;
    for (RuleDescr r : parsed.descr().getRules()) {
      if (r.getLine() <= line && (best == null || r.getLine() > best.getLine())) {
        best = r;
      }
    }
    return best == null ? "" : "rule \"" + best.getName() + "\": ";
  }

  private static String unknownField(String type, String field, String expression) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    List<String> fields = List.of();
    try {
      fields = MvelCheck.propertyNames(Class.forName(type, false,
          CompileErrors.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      // a declared type: no list
    }
    return simple + " has no field '" + field + "'"
        + (expression == null ? "" : " (in '" + expression + "')")
        + (fields.isEmpty() ? "" : "; its fields are " + fields)
        + RuleLint.didYouMean(field, fields);
  }

  /** One Java compile problem, mapped from the generated class to the rule file. */
  private static RuleProblem java(KnowledgeBuilder builder, KnowledgeBuilderError e,
      ParsedDrl parsed, String file, CompilationProblem p) {
    String generated = p.getFileName() == null ? "" : p.getFileName();
    String cls = generated.endsWith(".java")
        ? generated.substring(0, generated.length() - 5).replace('/', '.') : generated;
    int dot = cls.lastIndexOf('.');
    String pkg = dot < 0 ? "" : cls.substring(0, dot);
    LineMappings lm = null;
    if (builder instanceof KnowledgeBuilderImpl kb) {
      PackageRegistry registry = kb.getPackageRegistry(pkg);
      if (registry != null) {
        lm = registry.getDialectRuntimeRegistry().getLineMappings(cls);
      }
    }
    String message = p.getMessage() == null ? "" : p.getMessage().strip();
    if (e instanceof FunctionError f) {
      String name = f.getFunctionDescr().getName();
      RuleContainment.Origin o = new RuleContainment.Origin(file, "function " + name, lm, -1,
          f.getFunctionDescr().getLine());
      return new RuleProblem(file, o.drlLine(p.getStartLine()), -1,
          "function " + name + ": " + message);
    }
    RuleDescr rule = e instanceof DescrBuildError d && d.getParentDescr() instanceof RuleDescr r
        ? r : e instanceof DescrBuildError d2 && d2.getDescr() instanceof RuleDescr r2 ? r2 : null;
    if (rule == null || parsed == null) {
      int line = line(e);
      return new RuleProblem(file, line, -1, message);
    }
    int evalLine = firstEvalLine(rule.getLhs()).orElse(rule.getLine());
    int first = lm == null ? -1 : parsed.firstCodeLine(lm.getStartLine());
    RuleContainment.Origin o = new RuleContainment.Origin(file, "rule", lm, first,
        rule.getLine(), evalLine);
    return new RuleProblem(file, o.drlLine(p.getStartLine()), -1,
        "rule \"" + rule.getName() + "\": " + message);
  }

  static Optional<Integer> firstEvalLine(BaseDescr d) {
    if (d instanceof EvalDescr e && e.getLine() > 0) {
      return Optional.of(e.getLine());
    }
    if (d instanceof ConditionalElementDescr ce) {
      for (Object c : ce.getDescrs()) {
        Optional<Integer> l = firstEvalLine((BaseDescr) c);
        if (l.isPresent()) {
          return l;
        }
      }
    }
    return Optional.empty();
  }
}
