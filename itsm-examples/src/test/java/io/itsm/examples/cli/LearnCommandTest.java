package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.rules.predict.History;
import io.itsm.rules.predict.TriageModel;
import io.itsm.rules.testkit.HelpDeskTickets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {

  @TempDir static Path dir;
  static Path history;
  static Path model;
  static Cli learned;

  @BeforeAll
  static void learn() throws Exception {
    history = dir.resolve("past.jsonl");
    Files.writeString(history, History.toJsonLines(HelpDeskTickets.generate(900, 21L)));
    model = dir.resolve("category.model");
    learned = Cli.run("learn", "--history", history.toString(), "--target", "category",
        "--model", model.toString(), "--folds", "3", "--epochs", "3");
  }

  @Test
  void learn_printsCrossValidatedFiguresAndWritesTheModel() {
    assertThat(learned.exitCode()).as(learned.err()).isZero();
    assertThat(learned.out())
        .contains("3-fold cross-validation on 900 tickets: accuracy 0.")
        .contains("macro-F1", "precision  recall", "confusion (rows: true label")
        .contains("network", "written to " + model);
    TriageModel m = TriageModel.read(model);
    assertThat(m.info().trainingSetSize()).isEqualTo(900);
    assertThat(m.info().evaluation()).containsKeys("accuracy", "macroF1");
  }

  @Test
  void triageWithModel_usesThePredictionsAndNamesTheModel() throws Exception {
    Path tickets = dir.resolve("tickets.jsonl");
    Files.writeString(tickets, "{\"id\": \"T1\", \"title\": \"glomt losnord igen\","
        + " \"caller\": {\"id\": \"u1\", \"language\": \"sv\"}}\n");
    Cli with = Cli.run("triage", "--input", tickets.toString(), "--model", model.toString());
    Cli without = Cli.run("triage", "--input", tickets.toString());

    assertThat(with.exitCode()).as(with.err()).isZero();
    assertThat(without.out()).contains("\"category\":\"other\"");
    assertThat(with.out()).contains("\"category\":\"user-support\"")
        .contains("predicted user-support").contains(TriageModel.read(model).id());
  }

  @Test
  void diffWithModel_showsWhatTheModelWouldChange() throws Exception {
    Path tickets = dir.resolve("diff.jsonl");
    Files.writeString(tickets, "{\"id\": \"T1\", \"title\": \"glomt losnord igen\","
        + " \"caller\": {\"id\": \"u1\", \"language\": \"sv\"}}\n"
        + "{\"id\": \"T2\", \"title\": \"printer paper jam\"}\n");
    Cli diff = Cli.run("diff", "--input", tickets.toString(), "--model", model.toString());
    assertThat(diff.exitCode()).as(diff.err()).isIn(0, 1);
    assertThat(diff.out()).contains("other→user-support");
  }

  @Test
  void badInputs_failClearlyAndWriteNothing() throws Exception {
    Path out = dir.resolve("never.model");

    Path empty = dir.resolve("empty.jsonl");
    Files.writeString(empty, "");
    Cli r = Cli.run("learn", "--history", empty.toString(), "--model", out.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no ticket with a category label");

    Path one = dir.resolve("one.jsonl");
    Files.writeString(one, "{\"title\": \"a\", \"category\": \"network\"}\n"
        + "{\"title\": \"b\", \"category\": \"network\"}\n");
    r = Cli.run("learn", "--history", one.toString(), "--model", out.toString(), "--folds", "0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("at least two different category labels");

    Path unknown = dir.resolve("unknown.jsonl");
    Files.writeString(unknown, "{\"title\": \"a b\", \"category\": \"network\"}\n"
        + "{\"title\": \"c d\", \"category\": \"facilities\"}\n"
        + "{\"title\": \"a b\", \"category\": \"network\"}\n"
        + "{\"title\": \"c d\", \"category\": \"facilities\"}\n");
    r = Cli.run("learn", "--history", unknown.toString(), "--model", out.toString(), "--folds", "0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("labels the catalogue does not know: [facilities]");
    r = Cli.run("learn", "--history", unknown.toString(), "--model", out.toString(), "--folds", "0",
        "--add-to-catalogue");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("kept by --add-to-catalogue: [facilities]");
    Files.delete(out);

    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"title\": \"a\", \"category\": 5}\nnot json\n");
    r = Cli.run("learn", "--history", bad.toString(), "--model", out.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("line 1: category must be a non-blank string")
        .contains("line 2:");

    r = Cli.run("learn", "--history", dir.resolve("missing.jsonl").toString(), "--model",
        out.toString());
    assertThat(r.exitCode()).isEqualTo(3);

    r = Cli.run("learn", "--history", history.toString(), "--model", out.toString(), "--target",
        "impact");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--target must be category, team or priority");
    assertThat(out).doesNotExist();

    Path corrupt = dir.resolve("corrupt.model");
    byte[] bytes = Files.readAllBytes(model);
    Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    r = Cli.run("triage", "--input", history.toString(), "--model", corrupt.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("cannot use model").contains("truncated");
    assertThat(r.out()).isEmpty();
  }
}
