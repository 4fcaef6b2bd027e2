package io.itsm.examples.cli;

/** Rule and ticket texts shared by the command-line tests. */
final class TestFiles {

  static final String PRINTERS_ARE_P4 =
      """
      package team;
      import io.itsm.rules.facts.*;
      import io.itsm.core.incident.Priority;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "Printers are P4"
        ruleflow-group "prioritize"
      when
        DecidedSoFar(category == "hardware", subcategory == "printer")
      then
        decide.priority(Priority.P4, "printers have spares on every floor");
      end
      """;

  /** A bound: raises the printer's matrix P3 to P2 and never lowers. */
  static final String PRINTERS_AT_LEAST_P2 =
      """
      // stage adjust; a bound applies after the winning set value and only raises
      package team;
      import io.itsm.core.incident.Priority;
      import io.itsm.rules.facts.DecidedSoFar;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "Printers are at least P2"
        ruleflow-group "adjust"
      when
        DecidedSoFar(category == "hardware", subcategory == "printer")
      then
        decide.atLeast(Priority.P2, "the print shop depends on them");
      end
      """;

  /** With --no-defaults: every ticket goes to one team. */
  static final String EVERYTHING_TO_HELPDESK =
      """
      package team;
      import io.itsm.rules.facts.*;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "Everything goes to the helpdesk"
        ruleflow-group "route"
      when
        TicketFact()
      then
        decide.team("helpdesk", "one team for everything");
      end
      """;

  /** Outside business hours (default: Monday to Friday 08:00-18:00 UTC) tickets go to the night desk. */
  static final String NIGHT_DESK =
      """
      package team;
      import io.itsm.rules.facts.*;
      global io.itsm.rules.facts.RuleDecisions decide;

      rule "Outside business hours the night desk takes it"
        ruleflow-group "route"
      when
        TicketFact(insideBusinessHours == false)
      then
        decide.team("night-desk", "opened outside business hours");
      end
      """;

  /** Unclosed pattern: Drools reports it at the line of {@code end} (line 6). */
  static final String BROKEN =
      """
      package team;
      rule "broken"
      when
        TicketFact(
      then
      end
      """;

  static final String PRINTER = "{\"id\":\"T-1\",\"title\":\"Printer on floor 3 has a paper jam\"}";
  static final String VPN_VIP =
      "{\"id\":\"T-2\",\"title\":\"VPN tunnel down\",\"caller\":{\"id\":\"u1\",\"vip\":true}}";
  static final String NO_ID = "{\"title\":\"Forgot my password\"}";

  private TestFiles() {}
}
