package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.facts.Prediction;
import io.itsm.rules.facts.PredictionSettings;
import io.itsm.rules.internal.PrecompiledPacks;
import io.itsm.rules.internal.RuleSource;
import io.itsm.rules.predict.Predictor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default pack predict.drl, with predictions given by hand. */
class PredictRulesTest {

  private static final Instant TRAINED = Instant.parse("2026-12-01T00:00:00Z");

  private static Predictor says(TriageAttribute target, String value, double confidence) {
    return t -> List.of(new Prediction(target, value, confidence, List.of("vpn", "tunnel"),
        "category-3fa2c1d0", TRAINED));
  }

  private static TriageResult triage(Predictor p, String title) {
    return TriageEngine.builder().model(p).build().triage(Ticket.builder().title(title).build());
  }

  @Test
  void withoutKeywords_aConfidentPredictionCategorizes_andTheReasonPinsTheModel() {
    TriageResult r = triage(says(TriageAttribute.CATEGORY, "network", 0.91), "frobnicator stuck");

    assertThat(r.category()).contains("network");
    assertThat(r.team()).contains("network-ops");
    assertThat(r.decision(TriageAttribute.CATEGORY).orElseThrow().reason())
        .isEqualTo("model 2026-12-01 (category-3fa2c1d0) predicted network (0.91) from 'vpn',"
            + " 'tunnel'; no keyword matched");
    assertThat(r.overruled()).extracting(d -> d.rule())
        .contains("Tickets without keywords are Other");
  }

  @Test
  void belowTheAcceptThreshold_thePredictionIsIgnored() {
    assertThat(triage(says(TriageAttribute.CATEGORY, "network", 0.49), "frobnicator stuck")
        .category()).contains("other");
  }

  @Test
  void weakKeywords_areOverruledOnlyByVeryConfidentPredictions() {
    // "printer" is one keyword hit for hardware
    assertThat(triage(says(TriageAttribute.CATEGORY, "network", 0.85), "printer frobnicator")
        .category()).contains("network");
    assertThat(triage(says(TriageAttribute.CATEGORY, "network", 0.7), "printer frobnicator")
        .category()).contains("hardware");
    // two hits are not weak
    assertThat(triage(says(TriageAttribute.CATEGORY, "network", 0.99), "printer paper jam again")
        .category()).contains("hardware");
  }

  @Test
  void serviceRequests_stayServiceRequests() {
    TriageResult r = TriageEngine.builder().model(says(TriageAttribute.CATEGORY, "network", 0.99))
        .build().triage(Ticket.builder().title("frobnicator").type(IncidentType.SERVICE_REQUEST)
            .build());
    assertThat(r.category()).contains("service-request");
  }

  @Test
  void veryConfidentTeamPredictions_route() {
    TriageResult r = triage(says(TriageAttribute.TEAM, "facilities", 0.95), "printer paper jam");
    assertThat(r.category()).contains("hardware");
    assertThat(r.team()).contains("facilities");
    assertThat(r.decision(TriageAttribute.TEAM).orElseThrow().rule())
        .isEqualTo("Very confident team predictions route the ticket");
    assertThat(triage(says(TriageAttribute.TEAM, "facilities", 0.6), "printer paper jam").team())
        .contains("desktop-support");
  }

  @Test
  void thresholds_areSettings_andThePackCanBeLeftOut() {
    Predictor p = says(TriageAttribute.CATEGORY, "network", 0.7);
    Ticket t = Ticket.builder().title("frobnicator").build();
    assertThat(TriageEngine.builder().model(p)
        .predictionSettings(new PredictionSettings(0.75, 0.9, 1)).build().triage(t).category())
        .contains("other");
    assertThat(TriageEngine.builder().model(p).withoutPack("predict").build().triage(t)
        .category()).contains("other");
    assertThat(TriageEngine.builder().model(p).withoutPack("predict").build().ruleNames())
        .doesNotContain("Confident predictions categorize tickets without keywords");
    assertThat(TriageEngine.builder().model(p).build().ruleNames())
        .contains("Confident predictions categorize tickets without keywords",
            "Very confident predictions overrule weak keywords",
            "Very confident team predictions route the ticket",
            "Likely major incidents are tagged with their parent");
    assertThat(TriageEngine.withDefaults().ruleNames())
        .doesNotContain("Confident predictions categorize tickets without keywords");
  }

  @Test
  void theDefaultPacksWithPredict_arePrecompiled() throws Exception {
    List<RuleSource> sources = new ArrayList<>();
    for (String pack : TriageEngine.DEFAULT_PACKS) {
      sources.add(RuleSource.classpath("io/itsm/rules/" + pack + ".drl",
          TriageEngine.class.getClassLoader()));
    }
    sources.add(RuleSource.classpath("io/itsm/rules/predict.drl",
        TriageEngine.class.getClassLoader()));
    var load = PrecompiledPacks.class.getDeclaredMethod("load", List.class);
    load.setAccessible(true);
    assertThat(load.invoke(null, sources)).isNotNull();
  }
}
