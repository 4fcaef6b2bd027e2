package io.itsm.rules.internal;

import io.itsm.rules.RuleExecutionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Turns whatever rule code throws — exceptions and errors, in consequences, functions and
 * conditions — into a {@link RuleExecutionException} that names the rule and, where it can be
 * found, the file and line of the failing code: for Java code from the stack trace through Drools'
 * line mappings, for conditions by the constraint's text.
 *
 * <p>Immutable and thread-safe.
 */
final class RuleFailures {

  private static final Pattern CONSTRAINT =
      Pattern.compile("Error evaluating constraint '(.*?)' in \\[Rule \"(.*?)\" in (.*?)\\]",
          Pattern.DOTALL);
  private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.\\}\\]");

  /** A place in a rule file. */
  record Location(String rule, String file, int line) {
    String text() {
      return file == null ? "" : line > 0 ? file + ":" + line : file;
    }
  }

  private final Map<String, RuleContainment.Origin> origins;
  private final Map<String, Location> rules;
  private final Map<String, List<Location>> constraints;

  RuleFailures(Map<String, RuleContainment.Origin> origins, Map<String, Location> rules,
      Map<String, List<Location>> constraints) {
    this.origins = Map.copyOf(origins);
    this.rules = Map.copyOf(rules);
    this.constraints = Map.copyOf(constraints);
  }

  /**
   * Builds the maps from the parsed files.
   *
   * @param origins compiled classes → where they come from
   * @param files the files
   * @return the translator
   */
  static RuleFailures of(Map<String, RuleContainment.Origin> origins, List<ParsedDrl> files) {
    Map<String, Location> rules = new HashMap<>();
    Map<String, List<Location>> constraints = new HashMap<>();
    for (ParsedDrl f : files) {
      for (ParsedDrl.NamedLine r : f.ruleLines()) {
        rules.putIfAbsent(r.name(), new Location(r.name(), f.name(), r.line()));
      }
      if (f.descr() != null) {
        for (RuleDescr r : f.descr().getRules()) {
          collect(r.getLhs(), r.getName(), f.name(), constraints);
        }
      }
    }
    return new RuleFailures(origins, rules, constraints);
  }

  private static void collect(BaseDescr d, String rule, String file,
      Map<String, List<Location>> out) {
    if (d instanceof PatternDescr p) {
      for (BaseDescr c : p.getDescrs()) {
        if (c instanceof ExprConstraintDescr e) {
          int line = e.getLine() > 0 ? e.getLine() : p.getLine();
          out.computeIfAbsent(normalize(e.getExpression()), k -> new ArrayList<>())
              .add(new Location(rule, file, line));
        }
      }
      if (p.getSource() != null) {
        collect(p.getSource(), rule, file, out);
      }
    } else if (d instanceof ConditionalElementDescr ce) {
      for (Object c : ce.getDescrs()) {
        collect((BaseDescr) c, rule, file, out);
      }
    }
  }

  private static String normalize(String expression) {
    String e = expression.replaceAll("\\s+", "");
    int colon = e.indexOf(':');
    // "$n:affectedUsers>5" is compiled as "affectedUsers>5"
    if (colon > 0 && e.substring(0, colon).matches("\\$?\\w+") && !e.startsWith("::")) {
      e = e.substring(colon + 1);
    }
    return e;
  }

  /**
   * Where a rule is: its file and line.
   *
   * @param rule the rule name
   * @return the location, file and line unknown when the rule is not known
   */
  Location locate(String rule) {
    return rules.getOrDefault(rule, new Location(rule, null, -1));
  }

  /**
   * The exception for a run that ran out of its budget.
   *
   * @param incidentId the ticket or incident, or null
   * @param rule the rule whose consequence was running, or null
   * @param budget the budget
   * @param what "triage" or "escalation decision"
   * @return the exception
   */
  RuleExecutionException timeout(String incidentId, String rule, Duration budget, String what) {
    String on = incidentId == null ? "" : " on " + incidentId;
    if (rule == null) {
      return new RuleExecutionException("the " + what + on + " ran longer than its time budget of "
          + budget.toMillis() + " ms, between rules (evaluating conditions)", incidentId,
          List.of(), null);
    }
    Location l = locate(rule);
    return new RuleExecutionException("the " + what + on + " ran longer than its time budget of "
        + budget.toMillis() + " ms in rule '" + rule + "'"
        + (l.file() == null ? "" : " (" + l.text() + ")")
        + ": its consequence did not return in time (a loop?)", incidentId, List.of(rule),
        l.file(), l.line(), null);
  }

  /**
   * The exception for something rule code threw.
   *
   * @param incidentId the ticket or incident, or null
   * @param current the rule whose consequence was running, or null
   * @param thrown what was thrown
   * @return the exception
   */
  RuleExecutionException failure(String incidentId, Rule current, Throwable thrown) {
    String on = incidentId == null ? "" : " on " + incidentId;
    Throwable cause = thrown;
    String rule = current == null ? null : current.getName();
    if (thrown instanceof ConsequenceException ce
        && ce.getCause() instanceof RuleExecutionException named) {
      return named; // a decision that did not fit, already named with rule and file
    }
    if (thrown instanceof ConsequenceException ce) {
      cause = ce.getCause() == null ? ce : ce.getCause();
      if (ce.getRule() != null) {
        rule = ce.getRule().getName();
      }
    }
    if (rule != null) {
      Location l = fromStack(cause).orElse(locate(rule));
      return new RuleExecutionException("rule '" + rule + "'"
          + (l.file() == null ? "" : " (" + l.text() + ")") + " threw " + describe(cause) + on,
          incidentId, List.of(rule), l.file(), l.line(), cause);
    }
    // a condition: find the constraint by its text
    Optional<Location> where = constraint(thrown);
    if (where.isPresent()) {
      Location l = where.get();
      return new RuleExecutionException("rule '" + l.rule() + "' (" + l.text() + "): a condition"
          + " failed" + on + ": " + firstLine(rootMessage(thrown)), incidentId, List.of(l.rule()),
          l.file(), l.line(), cause);
    }
    return new RuleExecutionException("the rules failed" + on + " while evaluating a condition: "
        + firstLine(rootMessage(thrown)), incidentId, List.of(), cause);
  }

  private Optional<Location> fromStack(Throwable t) {
    for (StackTraceElement f : t.getStackTrace()) {
      Optional<RuleContainment.Origin> o = RuleContainment.originOf(origins, f.getClassName());
      if (o.isPresent()) {
        RuleContainment.Origin origin = o.get();
        return Optional.of(new Location(null, origin.file(), origin.drlLine(f.getLineNumber())));
      }
    }
    return Optional.empty();
  }

  private Optional<Location> constraint(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      Matcher c = CONSTRAINT.matcher(m);
      if (c.find()) {
        Location byRule = locate(c.group(2));
        List<Location> hits = constraints.getOrDefault(normalize(c.group(1)), List.of());
        for (Location h : hits) {
          if (h.rule().equals(c.group(2))) {
            return Optional.of(h);
          }
        }
        return Optional.of(byRule);
      }
      String expr = null;
      if (t instanceof org.mvel2.CompileException ce && ce.getExpr() != null) {
        expr = new String(ce.getExpr());
      } else {
        Matcher n = NEAR.matcher(m);
        if (n.find()) {
          expr = n.group(1);
        }
      }
      if (expr != null) {
        List<Location> hits = constraints.get(normalize(expr));
        if (hits != null && hits.size() == 1) {
          return Optional.of(hits.get(0));
        }
        String e = normalize(expr);
        List<Location> partial = new ArrayList<>();
        constraints.forEach((k, v) -> {
          if (!e.isEmpty() && (k.contains(e) || e.contains(k))) {
            partial.addAll(v);
          }
        });
        if (partial.size() == 1) {
          return Optional.of(partial.get(0));
        }
      }
    }
    return Optional.empty();
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    String m = r.getMessage();
    if (m != null && m.startsWith("[Error: ")) {
      int end = m.indexOf(']');
      m = end > 0 ? m.substring(8, end) : m;
    }
    return r.getClass().getName() + (m == null ? "" : ": " + m);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String describe(Throwable t) {
    if (t instanceof StackOverflowError) {
      return "java.lang.StackOverflowError (a recursion that does not end)";
    }
    if (t instanceof OutOfMemoryError) {
      return t + " (the rule allocates more than the heap holds)";
    }
    return firstLine(t.toString());
  }
}
