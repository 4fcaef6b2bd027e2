package io.itsm.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Catalogue;
import io.itsm.core.incident.Category;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.facts.Prediction;
import io.itsm.rules.facts.PredictionSettings;
import io.itsm.rules.predict.History;
import io.itsm.rules.predict.ModelFileException;
import io.itsm.rules.predict.PastIncident;
import io.itsm.rules.predict.TriageModel;
import io.itsm.rules.testkit.HelpDeskTickets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
  private static List<PastIncident> history;
  private static ModelTrainer trainer;
  private static TriageModel model;
  private static Evaluation evaluation;

  @BeforeAll
  static void train() {
    history = HelpDeskTickets.generate(1_500, 3L);
    trainer = ModelTrainer.builder(TriageAttribute.CATEGORY).epochs(4).folds(3).clock(CLOCK)
        .knownLabels(Catalogue.defaults().categories().stream().map(Category::code).toList())
        .build();
    model = trainer.train(history);
    evaluation = trainer.crossValidate(history);
  }

  private static Ticket ticket(String text, String language) {
    return Ticket.builder().title(text).caller(Caller.of("u1").withLanguage(language)).build();
  }

  @Test
  void crossValidate_onGeneratedHelpDeskTickets_isWellAboveTheMajorityClass() {
    Evaluation e = evaluation;

    assertThat(e.tickets()).isEqualTo(1_500);
    assertThat(e.majorityShare()).isLessThan(0.15);
    assertThat(e.accuracy()).isGreaterThan(0.8).isGreaterThan(e.majorityShare() + 0.5);
    assertThat(e.macroF1()).isGreaterThan(0.75);
    assertThat(e.perLabel()).hasSize(9).allSatisfy(m -> assertThat(m.recall()).isGreaterThan(0.5));
    assertThat(Arrays.stream(e.confusion()).flatMapToInt(Arrays::stream).sum()).isEqualTo(1_500);
    assertThat(e.format()).contains("accuracy", "macro-F1", "confusion", "network");
  }

  @Test
  void predict_inEachLanguage_findsTheCategoryAndNamesTheWords() {
    Map<String, String> expected = Map.of(
        "vpn dropping all the time from home office", "network",
        "drucker im 2og druckt nicht mehr", "hardware",
        "glömt lösenordet igen", "user-support",
        "la impresora no imprime nada", "hardware",
        "besoin d'accès au dossier partagé finance", "service-request");
    String[] languages = {"en", "de", "sv", "es", "fr"};
    int i = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String language = e.getKey().startsWith("drucker") ? "de"
          : e.getKey().startsWith("glömt") ? "sv" : e.getKey().startsWith("la ") ? "es"
          : e.getKey().startsWith("besoin") ? "fr" : "en";
      Prediction p = model.predictBest(ticket(e.getKey(), language));
      assertThat(p.value()).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(p.confidence()).isBetween(0.3, 1.0);
      assertThat(p.because()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
      assertThat(p.model()).isEqualTo(model.id()).startsWith("category-");
      i++;
    }
    assertThat(i).isEqualTo(languages.length);
    Prediction vpn = model.predictBest(ticket("vpn tunnel keeps dropping", "en"));
    assertThat(vpn.because()).contains("vpn");
    assertThat(vpn.explanation()).startsWith("model 2026-12-01 (" + model.id() + ") predicted network (")
        .contains("from 'vpn'");
  }

  @Test
  void model_recordsWhatItWasTrainedOn() {
    assertThat(model.info().target()).isEqualTo(TriageAttribute.CATEGORY);
    assertThat(model.info().trainingSetSize()).isEqualTo(1_500);
    assertThat(model.info().trainingSetSha256()).hasSize(64);
    assertThat(model.info().labels()).contains("network", "hardware").doesNotContain("other");
    assertThat(model.info().labelCounts().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(1_500);
    assertThat(model.info().trainer()).startsWith("Tribuo 4.3");
    assertThat(model.info().trainedAt()).isEqualTo(CLOCK.instant());
    assertThat(trainer.train(history)).isEqualTo(model); // same history, settings and clock
  }

  @Test
  void writeAndRead_giveTheSameModelAndPredictions(@TempDir Path dir) {
    Path file = dir.resolve("category.model");
    model.write(file);
    TriageModel read = TriageModel.read(file);

    assertThat(read).isEqualTo(model);
    Ticket t = ticket("outlook crashes when i open the calendar", "en");
    assertThat(read.probabilities(t)).isEqualTo(model.probabilities(t));
    assertThat(read.probabilities(t).values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void read_badFiles_failClearlyAndLoadNothing(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    byte[] good = out.toByteArray();

    Path truncated = dir.resolve("truncated.model");
    Files.write(truncated, Arrays.copyOf(good, good.length - 100));
    assertThatThrownBy(() -> TriageModel.read(truncated))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("truncated");

    byte[] flipped = good.clone();
    flipped[good.length - 7] ^= 0x55;
    assertThatThrownBy(() -> TriageModel.read(new ByteArrayInputStream(flipped), "flipped.model"))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("flipped.model")
        .hasMessageContaining("corrupt");

    String text = new String(good, StandardCharsets.ISO_8859_1)
        .replace("\"formatVersion\":1", "\"formatVersion\":7");
    assertThatThrownBy(() -> TriageModel.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "v7.model"))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("format version 7")
        .hasMessageContaining("reads version 1");

    Path foreign = dir.resolve("foreign.model");
    Files.writeString(foreign, "{\"not\": \"a model\"}");
    assertThatThrownBy(() -> TriageModel.read(foreign))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("is not an itsm triage model");

    assertThatThrownBy(() -> TriageModel.read(dir.resolve("missing.model")))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("cannot be read");
  }

  @Test
  void train_badHistories_failNamingTheProblem() {
    assertThatThrownBy(() -> trainer.train(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no ticket with a category label");
    List<PastIncident> one = history.stream().limit(20)
        .map(p -> PastIncident.of(p.ticket(), "network", "network-ops")).toList();
    assertThatThrownBy(() -> trainer.train(one))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least two different category labels")
        .hasMessageContaining("'network'");
    List<PastIncident> unknown = List.of(
        PastIncident.of(ticket("a", "en"), "network", "x"),
        PastIncident.of(ticket("b", "en"), "facilities", "x"),
        PastIncident.of(ticket("c", "en"), "hr-stuff", "x"));
    assertThatThrownBy(() -> trainer.train(unknown))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("[facilities, hr-stuff]")
        .hasMessageContaining("--add-to-catalogue");
    assertThatThrownBy(() -> ModelTrainer.builder(TriageAttribute.IMPACT))
        .isInstanceOf(ValidationException.class).hasMessageContaining("target must be one of");
  }

  @Test
  void history_roundTripsThroughJsonLines() {
    List<PastIncident> some = history.subList(0, 50);
    assertThat(History.read(new StringReader(History.toJsonLines(some)), "x")).isEqualTo(some);
    assertThatThrownBy(() -> History.read(new StringReader(
            "{\"title\": \"a\", \"category\": \"\"}\n\n{\"title\": \"b\", \"priority\": \"P9\"}\n"),
            "past.jsonl"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("past.jsonl line 1: category must be a non-blank string")
        .hasMessageContaining("past.jsonl line 3: priority must be one of");
  }

  @Test
  void engine_acceptsConfidentPredictionsWhereKeywordsAreSilent_byTheDrlThresholds() {
    // in-house words no dictionary knows, learned from history
    List<PastIncident> inHouse = new java.util.ArrayList<>(history);
    for (int i = 0; i < 60; i++) {
      inHouse.add(PastIncident.of(
          Ticket.builder().id("IH-" + i).title("frobnicator " + (i % 2 == 0 ? "wobbles" : "stuck")
              + " again").build(), "hardware", "desktop-support"));
    }
    TriageModel m = trainer.train(inHouse);
    Ticket t = Ticket.builder().title("frobnicator stuck").build();

    TriageResult with = TriageEngine.builder().model(m).build().triage(t);
    assertThat(with.category()).contains("hardware");
    assertThat(with.decision(TriageAttribute.CATEGORY).orElseThrow().reason())
        .startsWith("model 2026-12-01 (" + m.id() + ") predicted hardware (")
        .contains("'frobnicator'");
    assertThat(with.decision(TriageAttribute.CATEGORY).orElseThrow().rule())
        .isEqualTo("Confident predictions categorize tickets without keywords");

    TriageResult strict = TriageEngine.builder().model(m)
        .predictionSettings(new PredictionSettings(0.999, 0.999, 1)).build().triage(t);
    assertThat(strict.category()).contains("other");

    TriageResult ignored = TriageEngine.builder().model(m).withoutPack("predict").build().triage(t);
    assertThat(ignored.category()).contains("other");

    TriageResult without = TriageEngine.withDefaults().triage(t);
    assertThat(without.category()).contains("other");
  }

  @Test
  void engine_teamRulesCanDemandMoreThanTheDefaults() {
    String drl = """
        import io.itsm.core.triage.TriageAttribute;
        import io.itsm.rules.facts.*;
        global io.itsm.rules.facts.RuleDecisions decide;
        rule "Only near-certain predictions count here"
          ruleflow-group "categorize"
        when
          not Prediction(target == TriageAttribute.CATEGORY, confidence >= 0.999)
          not CategoryHits()
        then
          decide.category("other", "the model is not sure enough");
        end
        """;
    Ticket t = ticket("frobnicator stuck", "en");
    TriageResult r = TriageEngine.builder().model(model).addRules("strict.drl", drl).build().triage(t);
    assertThat(r.category()).contains("other");
    assertThat(r.decision(TriageAttribute.CATEGORY).orElseThrow().rule())
        .isEqualTo("Only near-certain predictions count here");
  }

  @Test
  void labels_byLanguage_areLearnedInEveryLanguage() {
    Evaluation e = evaluation;
    Map<String, Long> languages = history.stream()
        .collect(Collectors.groupingBy(p -> p.ticket().caller().orElseThrow().language().orElseThrow(),
            Collectors.counting()));
    assertThat(languages.keySet()).containsExactlyInAnyOrder("en", "de", "sv", "es", "fr");
    // per language on unseen generated tickets
    List<PastIncident> fresh = HelpDeskTickets.generate(700, 99L);
    for (String lang : languages.keySet()) {
      List<PastIncident> of = fresh.stream()
          .filter(p -> p.ticket().caller().orElseThrow().language().orElseThrow().equals(lang))
          .toList();
      long right = of.stream().filter(p -> model.predictBest(p.ticket()).value().equals(p.category()))
          .count();
      assertThat((double) right / of.size()).as(lang).isGreaterThan(0.7);
    }
    assertThat(e.accuracy()).isGreaterThan(0.8);
  }
}
