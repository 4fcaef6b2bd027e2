package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.json.ItsmJson;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbCommandTest {

  @TempDir Path dir;

  @Test
  void search_theSamples_inGerman_printsTheHitsAndWhy() {
    Cli r = Cli.run("kb", "search", "--language", "de", "VPN", "bricht", "ständig", "ab");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("1 article for 'VPN bricht ständig ab' (de, agent)\n"
        + "#1 KB-000001  known error VPN-Tunnel bricht nach dem AnyConnect-Update 5.3 ab  (de, ")
        .contains("   matched 'vpn' in title, symptoms, steps; 'bricht' in title, symptoms")
        .contains("   workaround: Bis zum Rollout von Client 5.4");
  }

  @Test
  void search_asAnEndUser_findsPublicArticlesOnly() {
    Cli agent = Cli.run("kb", "search", "vpn", "printer");
    Cli user = Cli.run("kb", "search", "--as-end-user", "vpn", "printer");

    assertThat(agent.out()).contains("KB-000001").contains("KB-000002");
    assertThat(user.out()).doesNotContain("KB-000001").contains("KB-000002")
        .contains("end user: published public articles");
  }

  @Test
  void search_filtersByKind_andLanguageOnly() {
    assertThat(Cli.run("kb", "search", "--kind", "FAQ", "password", "printer").out())
        .contains("KB-000003").doesNotContain("KB-000002");
    assertThat(Cli.run("kb", "search", "--language", "sv", "--only-language", "vpn").out())
        .startsWith("0 articles");
    assertThat(Cli.run("kb", "search", "--language", "sv", "vpn").out())
        .contains("KB-000001").contains("(en, ");
  }

  @Test
  void search_badInput_exits2_sayingWhy() {
    Cli empty = Cli.run("kb", "search", " ");
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).isEqualTo("itsm: query must not be blank: type the words to search"
        + " for\n");
    Cli huge = Cli.run("kb", "search", "x".repeat(100_000));
    assertThat(huge.exitCode()).isEqualTo(2);
    assertThat(huge.err()).contains("query must be at most 1000 characters, but was 100000");
    Cli klingon = Cli.run("kb", "search", "--language", "tlh", "vpn");
    assertThat(klingon.exitCode()).isEqualTo(2);
    assertThat(klingon.err()).contains("language must be one of en, de, sv, es, fr");
  }

  @Test
  void export_thenImport_roundTrips_andAnIndexDirectoryIsKept() throws IOException {
    Path exported = dir.resolve("kb.jsonl");
    Cli export = Cli.run("kb", "export", "--output", exported.toString());
    assertThat(export.exitCode()).isZero();
    assertThat(export.err()).isEqualTo("exported 5 articles to " + exported + "\n");
    List<String> lines = Files.readAllLines(exported);
    assertThat(lines).hasSize(5);
    List<KnowledgeEvent> first = ItsmJson.defaults().knowledge().readHistory(lines.get(0));
    assertThat(first.get(0).type()).isEqualTo("ArticleDrafted");

    Path kb = dir.resolve("team.jsonl");
    Cli imported = Cli.run("kb", "import", "--input", exported.toString(), "--kb", kb.toString());
    assertThat(imported.exitCode()).isZero();
    assertThat(imported.out()).isEqualTo("imported 5 articles into " + kb + " (5 in all)\n");
    assertThat(Files.readAllLines(kb)).isEqualTo(lines);

    Path index = dir.resolve("index");
    assertThat(Cli.run("kb", "search", "--kb", kb.toString(), "--index", index.toString(),
        "--language", "fr", "imprimante").out()).contains("KB-000002");
    assertThat(Files.list(index)).isNotEmpty();
    assertThat(Cli.run("kb", "search", "--kb", kb.toString(), "--index", index.toString(),
        "--language", "es", "impresoras").out()).contains("KB-000002");
  }

  @Test
  void export_filtersByKindAndLanguage() {
    Cli r = Cli.run("kb", "export", "--kind", "KNOWN_ERROR,FAQ", "--language", "de");
    assertThat(r.out().lines()).hasSize(2);
    assertThat(Cli.run("kb", "export", "--state", "DRAFT").out()).isEmpty();
  }

  @Test
  void import_ofABadLine_importsNothing_andNamesTheLine() throws IOException {
    Path exported = dir.resolve("kb.jsonl");
    Cli.run("kb", "export", "--output", exported.toString());
    List<String> lines = Files.readAllLines(exported);
    Path bad = Files.write(dir.resolve("bad.jsonl"), List.of(lines.get(0),
        lines.get(1).replace("\"type\":\"ArticleDrafted\"", "\"type\":\"ArticleDraftd\"")));
    Path kb = dir.resolve("team.jsonl");

    Cli r = Cli.run("kb", "import", "--input", bad.toString(), "--kb", kb.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("itsm: " + bad + " line 2: events[0].type: 'ArticleDraftd' is"
        + " not one of ArticleDrafted").endsWith("; nothing was imported\n");
    assertThat(kb).doesNotExist();

    Path once = Files.write(dir.resolve("once.jsonl"), List.of(lines.get(0)));
    assertThat(Cli.run("kb", "import", "--input", once.toString(), "--kb", kb.toString())
        .exitCode()).isZero();
    Cli twice = Cli.run("kb", "import", "--input", exported.toString(), "--kb", kb.toString());
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.err()).contains("line 1: article KB-000001 already exists");
    assertThat(Files.readAllLines(kb)).containsExactly(lines.get(0));
  }

  @Test
  void import_fromStandardInput() {
    String line = Cli.run("kb", "export", "--kind", "SOP").out();
    Path kb = dir.resolve("sop.jsonl");
    Cli r = Cli.runWithStdin(line, "kb", "import", "--input", "-", "--kb", kb.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("imported 1 article");
  }

  @Test
  void kb_withoutASubcommand_isAUsageError() {
    Cli r = Cli.run("kb");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required subcommand: search, import or export");
  }
}
