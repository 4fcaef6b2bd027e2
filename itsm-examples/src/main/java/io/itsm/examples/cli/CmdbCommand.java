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
import io.itsm.core.kernel.Kernel;
import io.itsm.examples.outage.SampleCmdb;
import io.itsm.jdbc.JdbcStore;
import io.itsm.jdbc.JdbcStoreException;
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
 * {@code itsm cmdb list|impact CI|export|import}: the configuration items of a store ({@code
 * --store URL}), of a CMDB backup or of the bundled sample, what a failure of one affects, the
 * CMDB as a backup file, and a backup (or the sample) written into a store.
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
      "  itsm cmdb export --output cmdb.json     (then: itsm cmdb list --cmdb cmdb.json)",
      "  itsm cmdb import --store jdbc:h2:./desk [--cmdb cmdb.json]   (the sample without --cmdb)",
      "  itsm cmdb list --store jdbc:h2:./desk   (list, impact and export read the store)"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:an unknown item, a bad backup file or a refused import",
        "2:usage error", "3:a file or the store cannot be read or written"})
final class CmdbCommand extends Subcommand {

  @Parameters(index = "0", paramLabel = "ACTION", description = "list, impact, export or import")
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "CI", description = "the failing item, for impact")
  String ci;

  @Option(names = "--cmdb", paramLabel = "FILE",
      description = "A CMDB backup (as 'itsm cmdb export' or Cmdb.export writes it); default: the bundled sample.")
  Path file;

  @Option(names = "--store", paramLabel = "URL",
      description = "A store's JDBC URL (jdbc:h2:./desk, jdbc:postgresql://host/itsm?user=...):"
          + " list, impact and export read its CMDB; import writes into it (creating the store).")
  String store;

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
    if (!List.of("list", "impact", "export", "import").contains(action)) {
      throw new CliException(ItsmCommand.EXIT_USAGE,
          "ACTION must be list, impact, export or import, but was '" + action + "'");
    }
    if (store != null && file != null && !action.equals("import")) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "--store and --cmdb name two CMDBs to "
          + action + "; give one (--cmdb FILE with --store only for import)");
    }
    if (action.equals("import")) {
      importInto();
      return ItsmCommand.EXIT_OK;
    }
    if (store == null) {
      run(load());
      return ItsmCommand.EXIT_OK;
    }
    try (JdbcStore s = Stores.forReading(store)) {
      run(Cmdb.builder().kernel(Kernel.ofDefaults().withStores(s.stores())).build());
    } catch (JdbcStoreException e) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot read the store " + store + ": "
          + e.getMessage());
    }
    return ItsmCommand.EXIT_OK;
  }

  private void run(Cmdb cmdb) {
    try {
      switch (action) {
        case "list" -> list(cmdb);
        case "impact" -> impact(cmdb);
        default -> export(cmdb);
      }
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    }
  }

  /** Writes a backup (or the sample) into the store: all its items in one transaction, or none. */
  private void importInto() {
    if (store == null) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "import writes into a store: itsm cmdb import"
          + " --store URL [--cmdb FILE]");
    }
    CmdbExport backup = file == null ? SampleCmdb.create().export(READER) : read(file);
    try (JdbcStore s = Stores.forWriting(store)) {
      Cmdb cmdb = Cmdb.builder().kernel(Kernel.ofDefaults().withStores(s.stores())).build();
      int written = cmdb.importFrom(READER, backup);
      out().printf("imported %d configuration item%s into %s (%d in the store)%n", written,
          written == 1 ? "" : "s", store, cmdb.find(READER, CiQuery.all()).size());
    } catch (JdbcStoreException e) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot write to the store " + store + ": "
          + e.getMessage() + "; nothing of the import was stored");
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, (file == null ? "the sample" : file)
          + " cannot be imported into " + store + ": " + e.getMessage()
          + "; nothing of it was stored");
    }
  }

  private Cmdb load() {
    if (file == null) {
      return SampleCmdb.create();
    }
    CmdbExport backup = read(file);
    try {
      Cmdb cmdb = Cmdb.builder().build();
      cmdb.importFrom(READER, backup);
      return cmdb;
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, file + ": " + e.getMessage());
    }
  }

  private static CmdbExport read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ItsmJson.defaults().cmdb().readExport(in);
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
