package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.cmdb.AffectedCi;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.examples.outage.SampleCmdb;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code itsm cmdb list|impact CI|export}: the configuration items of a CMDB backup (or the bundled
 * sample), what a failure of one affects, and the sample as a backup file to start from.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "cmdb",
    mixinStandardHelpOptions = true,
    description = {
      "List configuration items, analyse the impact of one failing, or write the sample CMDB as a backup.",
      "  itsm cmdb list [--type DATABASE] [--team dba] [--text shop]",
      "  itsm cmdb impact db-orders",
      "  itsm cmdb export --output cmdb.json     (then: itsm cmdb list --cmdb cmdb.json)"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:an unknown item or a bad backup file", "2:usage error",
        "3:a file cannot be read or written"})
final class CmdbCommand extends Subcommand {

  @Parameters(index = "0", paramLabel = "ACTION", description = "list, impact or export")
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "CI", description = "the failing item, for impact")
  String ci;

  @Option(names = "--cmdb", paramLabel = "FILE",
      description = "A CMDB backup (as 'itsm cmdb export' or Cmdb.export writes it); default: the bundled sample.")
  Path file;

  @Option(names = "--type", paramLabel = "TYPE", description = "list: only items of this type (${COMPLETION-CANDIDATES}).")
  CiType type;

  @Option(names = "--team", paramLabel = "TEAM", description = "list: only items this team owns or supports.")
  String team;

  @Option(names = "--text", paramLabel = "TEXT", description = "list: only items whose id or name contains TEXT.")
  String text;

  @Option(names = "--json", description = "JSON instead of text (list: one item per line).")
  boolean json;

  @Option(names = "--output", paramLabel = "FILE", description = "export: the file to write (default: standard output).")
  Path output;

  private static final Actor READER = Actor.of("itsm-cli", Role.ADMIN);

  @Override
  int execute() {
    Cmdb cmdb = load();
    try {
      switch (action) {
        case "list" -> list(cmdb);
        case "impact" -> impact(cmdb);
        case "export" -> export(cmdb);
        default -> throw new CliException(ItsmCommand.EXIT_USAGE,
            "ACTION must be list, impact or export, but was '" + action + "'");
      }
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    }
    return ItsmCommand.EXIT_OK;
  }

  private Cmdb load() {
    if (file == null) {
      return SampleCmdb.create();
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CmdbExport backup = ItsmJson.defaults().cmdb().readExport(in);
      Cmdb cmdb = Cmdb.builder().build();
      cmdb.importFrom(READER, backup);
      return cmdb;
    } catch (JsonFormatException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, file + ": " + e.getMessage());
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, file + ": " + e.getMessage());
    } catch (IOException e) {
      throw CliException.cannotRead("CMDB backup", file.toString(), e);
    }
  }

  private void list(Cmdb cmdb) {
    CiQuery q = CiQuery.all();
    if (type != null) {
      q = q.withType(type);
    }
    if (team != null) {
      q = q.withTeam(team);
    }
    if (text != null) {
      q = q.withText(text);
    }
    List<ConfigurationItem> items = cmdb.find(READER, q);
    for (ConfigurationItem c : items) {
      if (json) {
        out().println(ItsmJson.defaults().cmdb().writeItem(c));
      } else {
        out().printf("%-13s %-16s %-17s %-11s %s%s%n", c.id(), c.type(), c.criticality(),
            c.supportTeam().orElse("-"), c.name(), c.isActive() ? "" : " (RETIRED)");
        for (Relation r : c.relations()) {
          out().printf("  %s %s%n", r.type(), r.to());
        }
      }
    }
    if (!json) {
      out().printf("%d configuration item%s%n", items.size(), items.size() == 1 ? "" : "s");
    }
  }

  private void impact(Cmdb cmdb) {
    if (ci == null) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "impact needs the failing item: itsm cmdb impact CI");
    }
    ImpactAnalysis a = cmdb.impactOf(READER, ci);
    if (json) {
      out().println(ItsmJson.defaults().cmdb().writeImpact(a));
      return;
    }
    out().println(a.summary());
    for (AffectedCi x : a.affected()) {
      out().printf("  %-13s %-16s %-17s %d away, via %s%n", x.id(), x.type(), x.criticality(), x.distance(), x.via());
    }
  }

  private void export(Cmdb cmdb) {
    String text = ItsmJson.defaults().withPrettyPrinting(true).cmdb().writeExport(cmdb.export(READER));
    if (output == null) {
      out().println(text);
      return;
    }
    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      w.write(text);
      w.write('\n');
    } catch (IOException e) {
      throw CliException.cannotWrite("CMDB backup", output.toString(), e);
    }
    out().printf("wrote %d configuration items to %s%n", cmdb.find(READER, CiQuery.all()).size(), output);
  }
}
