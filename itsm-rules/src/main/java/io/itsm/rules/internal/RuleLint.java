package io.itsm.rules.internal;

import io.itsm.rules.RuleProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;

/**
 * Checks of the team's files that need no compiling, with the line of each problem: every rule
 * name is unique in the rule set (a team rule may not take a default rule's name: results would
 * credit one rule's decision to the other, and {@code withoutRule} would remove both), stages are
 * legal (with a "did you mean"), {@code @precedence} is an integer.
 *
 * <p>Stateless.
 */
final class RuleLint {

  private static final String MAIN = "MAIN";

  private RuleLint() {}

  /**
   * Checks the team's files against each other and the default packs.
   *
   * @param defaults the default packs in use
   * @param team the team's files
   * @param stages the legal stages
   * @return the problems, maybe empty (a mutable list)
   */
  static List<RuleProblem> check(List<ParsedDrl> defaults, List<ParsedDrl> team,
      List<String> stages) {
    List<RuleProblem> problems = new ArrayList<>();
    if (team.isEmpty()) {
      return problems;
    }
    Map<String, String> defaultRules = new HashMap<>();
    for (ParsedDrl d : defaults) {
      for (ParsedDrl.NamedLine n : d.ruleLines()) {
        defaultRules.putIfAbsent(n.name(), d.name() + ":" + n.line());
      }
    }
    Map<String, String> teamRules = new HashMap<>();
    for (ParsedDrl f : team) {
      for (ParsedDrl.NamedLine n : f.ruleLines()) {
        String here = f.name() + ":" + n.line();
        if (defaultRules.containsKey(n.name())) {
          problems.add(new RuleProblem(f.name(), n.line(), -1, "rule \"" + n.name()
              + "\" has the name of a default rule (" + defaultRules.get(n.name())
              + "); rule names must be unique: give yours another name (to replace the default,"
              + " also leave it out with withoutRule(\"" + n.name() + "\"))"));
        } else if (teamRules.containsKey(n.name())) {
          problems.add(new RuleProblem(f.name(), n.line(), -1, "rule \"" + n.name()
              + "\" is defined twice (" + teamRules.get(n.name()) + " and " + here
              + "); rule names must be unique: rename one"));
        } else {
          teamRules.put(n.name(), here);
        }
      }
      if (f.descr() == null) {
        continue;
      }
      for (RuleDescr r : f.descr().getRules()) {
        for (String attr : List.of("ruleflow-group", "agenda-group")) {
          AttributeDescr a = r.getAttributes().get(attr);
          if (a != null && !a.getValue().equals(MAIN) && !stages.contains(a.getValue())) {
            problems.add(new RuleProblem(f.name(), a.getLine() > 0 ? a.getLine() : r.getLine(), -1,
                "rule '" + r.getName() + "': " + attr + " must be one of " + stages
                    + ", but was '" + a.getValue() + "'" + didYouMean(a.getValue(), stages)));
          }
        }
        AnnotationDescr p = r.getAnnotation("precedence");
        if (p != null) {
          String v = String.valueOf(p.getSingleValueStripped()).trim();
          try {
            Integer.parseInt(v);
          } catch (NumberFormatException e) {
            problems.add(new RuleProblem(f.name(), p.getLine() > 0 ? p.getLine() : r.getLine(), -1,
                "rule '" + r.getName() + "': @precedence must be an integer, but was '" + v
                    + "'"));
          }
        }
      }
    }
    return problems;
  }

  /**
   * The types a file declares, as binary names.
   *
   * @param f the file
   * @return the names
   */
  static Set<String> declaredTypes(ParsedDrl f) {
    Set<String> out = new HashSet<>();
    if (f.descr() == null) {
      return out;
    }
    String pkg = f.descr().getNamespace();
    for (TypeDeclarationDescr t : f.descr().getTypeDeclarations()) {
      out.add(pkg == null || pkg.isEmpty() ? t.getTypeName() : pkg + "." + t.getTypeName());
    }
    for (EnumDeclarationDescr t : f.descr().getEnumDeclarations()) {
      out.add(pkg == null || pkg.isEmpty() ? t.getTypeName() : pkg + "." + t.getTypeName());
    }
    return out;
  }

  /**
   * A "; did you mean 'x'?" suffix naming the closest candidate, or an empty string.
   *
   * @param written what was written
   * @param candidates what exists
   * @return the suffix
   */
  static String didYouMean(String written, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = written.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      return "";
    }
    int limit = Math.max(2, written.length() / 3);
    boolean prefix = best.toLowerCase(Locale.ROOT).startsWith(w) && w.length() >= 3
        || w.startsWith(best.toLowerCase(Locale.ROOT)) && best.length() >= 3;
    return bestDistance <= limit || prefix ? "; did you mean '" + best + "'?" : "";
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
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
