package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.IncidentType;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import org.junit.jupiter.api.Test;

/** The rules of {@code categorize.drl}. */
class CategorizeRulesTest {

  static final TriageEngine ENGINE = TriageEngine.withDefaults();

  static final String MOST_HITS = "The category with the most keyword hits wins";
  static final String SERVICE_REQUEST = "Service requests are categorized as service requests";
  static final String NO_KEYWORDS = "Tickets without keywords are Other";
  static final String SUBCATEGORY = "The subcategory with the most keyword hits in the category wins";

  @Test
  void mostHits_fires_whenKeywordsMatch() {
    TriageResult r = ENGINE.triage(ticket("VPN tunnel down, cannot connect").build());
    assertThat(r.category()).contains("network");
    assertThat(r.decision(TriageAttribute.CATEGORY).orElseThrow().rule()).isEqualTo(MOST_HITS);
    assertThat(r.decision(TriageAttribute.CATEGORY).orElseThrow().reason())
        .contains("3 keyword hits", "'vpn' (en)");
    assertThat(r.firedRules()).doesNotContain(NO_KEYWORDS, SERVICE_REQUEST);
  }

  @Test
  void mostHits_countsAcrossTitleAndDescription_andLanguages() {
    TriageResult r =
        ENGINE.triage(
            ticket("Printer and VPN").description("vpn client fails, tunnel down").build());
    assertThat(r.category()).contains("network");
    TriageResult de = ENGINE.triage(ticket("Der Drucker druckt nicht, Papierstau").build());
    assertThat(de.category()).contains("hardware");
    assertThat(de.subcategory()).contains("printer");
  }

  @Test
  void mostHits_onATie_theCategoryHitFirstWins() {
    assertThat(ENGINE.triage(ticket("printer and vpn").build()).category()).contains("hardware");
    assertThat(ENGINE.triage(ticket("vpn and printer").build()).category()).contains("network");
  }

  @Test
  void mostHits_doesNotFire_withoutKeywords_andOtherDecides() {
    TriageResult r = ENGINE.triage(ticket("Something is wrong").build());
    assertThat(r.category()).contains("other");
    assertThat(r.decision(TriageAttribute.CATEGORY).orElseThrow().rule()).isEqualTo(NO_KEYWORDS);
    assertThat(r.firedRules()).doesNotContain(MOST_HITS, SUBCATEGORY);
    assertThat(r.subcategory()).isEmpty();
  }

  @Test
  void serviceRequest_fires_forServiceRequests_andOverrulesKeywords() {
    TriageResult r =
        ENGINE.triage(
            ticket("Need advice on training, please install").type(IncidentType.SERVICE_REQUEST)
                .build());
    assertThat(r.category()).contains("service-request");
    assertThat(r.decision(TriageAttribute.CATEGORY).orElseThrow().rule())
        .isEqualTo(SERVICE_REQUEST);
    assertThat(Tickets.overruledRules(r)).contains(MOST_HITS);
    assertThat(r.subcategory()).contains("installation");
  }

  @Test
  void serviceRequest_doesNotFire_forIncidents_butServiceRequestKeywordsStillCount() {
    TriageResult r = ENGINE.triage(ticket("Please install Adobe Reader").build());
    assertThat(r.firedRules()).doesNotContain(SERVICE_REQUEST);
    assertThat(r.category()).contains("service-request");
  }

  @Test
  void noKeywords_doesNotFire_forServiceRequestsWithoutKeywords() {
    TriageResult r =
        ENGINE.triage(ticket("Something else").type(IncidentType.SERVICE_REQUEST).build());
    assertThat(r.firedRules()).doesNotContain(NO_KEYWORDS);
    assertThat(r.category()).contains("service-request");
  }

  @Test
  void subcategory_fires_fromTheHitsOfTheWinningCategory() {
    TriageResult r = ENGINE.triage(ticket("Wifi and VPN: vpn client fails").build());
    assertThat(r.subcategory()).contains("vpn");
    assertThat(r.decision(TriageAttribute.SUBCATEGORY).orElseThrow().rule())
        .isEqualTo(SUBCATEGORY);
  }

  @Test
  void subcategory_doesNotFire_whenTheWinningCategoryHasNoSubcategoryHit() {
    TriageResult r =
        ENGINE.triage(ticket("advice on vpn").type(IncidentType.SERVICE_REQUEST).build());
    assertThat(r.category()).contains("service-request");
    assertThat(r.firedRules()).doesNotContain(SUBCATEGORY);
  }
}
