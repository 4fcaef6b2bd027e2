package io.itsm.examples.customrules;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * How a team customizes triage without forking the default packs:
 *
 * <ol>
 *   <li>{@link #vipRouting()}: add a rule file whose decision wins over ours;
 *   <li>{@link #withoutVipPriorityRaise()}: switch off one default rule by name (or a whole pack
 *       with {@code withoutPack});
 *   <li>{@link #ownTeamMap()}: replace the category → team map with your own JSON.
 * </ol>
 *
 * <p>Run it with {@code java -cp itsm-examples/target/itsm.jar
 * io.itsm.examples.customrules.CustomRulesExample}.
 */
public final class CustomRulesExample {

  /** The classpath resource of the example's team rule file. */
  public static final String VIP_RULES = "io/itsm/examples/customrules/vip-routing.drl";

  /** The classpath resource of the example's team map. */
  public static final String TEAMS = "/io/itsm/examples/customrules/teams.json";

  /** A VIP's ticket about the VPN. */
  public static final Ticket VIP_VPN_TICKET = Ticket.builder()
      .title("VPN tunnel down since this morning")
      .caller(Caller.of("ceo").withVip(true))
      .build();

  private CustomRulesExample() {}

  /**
   * The default packs plus a team rule that routes VIP callers to the VIP desk.
   *
   * @return the engine
   */
  public static TriageEngine vipRouting() {
    return TriageEngine.builder().addClasspathRules(VIP_RULES).build();
  }

  /**
   * The default packs without the rule that raises VIP callers' priority.
   *
   * @return the engine
   */
  public static TriageEngine withoutVipPriorityRaise() {
    return TriageEngine.builder().withoutRule("VIP callers raise the priority one level").build();
  }

  /**
   * The default packs routing with the example's own team map.
   *
   * @return the engine
   */
  public static TriageEngine ownTeamMap() {
    try (InputStream in = CustomRulesExample.class.getResourceAsStream(TEAMS)) {
      return TriageEngine.builder().teams(TeamMap.fromJson(in)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints how each engine triages a VIP's VPN ticket, with the deciding rules.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    print("defaults", TriageEngine.withDefaults().triage(VIP_VPN_TICKET));
    print("+ vip-routing.drl", vipRouting().triage(VIP_VPN_TICKET));
    print("- VIP priority raise", withoutVipPriorityRaise().triage(VIP_VPN_TICKET));
    print("own team map", ownTeamMap().triage(VIP_VPN_TICKET));
  }

  private static void print(String label, TriageResult result) {
    System.out.println(label + ":");
    for (TriageDecision d : result.decisions()) {
      System.out.println("  " + d);
    }
    for (TriageDecision d : result.overruled()) {
      System.out.println("  (overruled) " + d);
    }
  }
}
