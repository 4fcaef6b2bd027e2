package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.examples.outage.SampleAnnouncements;
import io.itsm.core.kernel.Kernel;
import io.itsm.examples.outage.SampleCmdb;
import io.itsm.jdbc.JdbcStore;
import io.itsm.jdbc.JdbcStoreException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code itsm announcements [ACTION]}: the announcements active at an instant (published, window
 * started), optionally for one service or item, in a language, or the archive (ended and
 * archived ones); from a store ({@code --store URL}), a file of stored announcements or the
 * bundled samples. With a store it also writes: the samples ({@code samples}), ending one ({@code
 * end ID}) and archiving an ended one ({@code archive ID}).
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "announcements",
    mixinStandardHelpOptions = true,
    description = {
      "Show the announcements active at an instant: published, their window started, not ended.",
      "  itsm announcements --at 2026-11-23T09:00:00Z --service svc-webshop --language de",
      "  itsm announcements --all        (every announcement, upcoming and archived too)",
      "  itsm announcements --archived   (the archive: ended and archived announcements)",
      "  itsm announcements samples --store jdbc:h2:./desk   (after: itsm cmdb import --store ...)",
      "  itsm announcements --store jdbc:h2:./desk --service svc-webshop",
      "  itsm announcements end ANN-000002 --store jdbc:h2:./desk --note 'Fixed'",
      "  itsm announcements archive ANN-000002 --store jdbc:h2:./desk"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a bad announcements file, an unknown announcement or a refused"
        + " change", "2:usage error", "3:the file or the store cannot be read or written"})
final class AnnouncementsCommand extends Subcommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", defaultValue = "show",
      description = "show (the default), samples, end or archive; the last three write to --store.")
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "The announcement to end or archive.")
  String id;

  @Option(names = "--store", paramLabel = "URL",
      description = "A store's JDBC URL (jdbc:h2:./desk, jdbc:postgresql://host/itsm?user=...): read its announcements; samples, end and archive write to it.")
  String store;

  @Option(names = "--archived", description = "The archive: ended and archived announcements (with --text, those mentioning it).")
  boolean archived;

  @Option(names = "--text", paramLabel = "TEXT", description = "Only announcements whose texts mention TEXT (searching the archive: with --archived).")
  String text;

  @Option(names = "--note", paramLabel = "TEXT", description = "end: the closing note (default: 'Ended.').")
  String note = "Ended.";

  private static final Actor CLI = Actor.of("itsm-cli", Role.ADMIN);

  @Option(names = "--file", paramLabel = "FILE",
      description = "Stored announcements as {\"formatVersion\":1,\"announcements\":[...]} (ItsmJson.announcements().writeList); default: the bundled samples.")
  Path file;

  @Option(names = "--at", paramLabel = "INSTANT", converter = NowOption.InstantConverter.class,
      description = "The instant, ISO-8601 UTC (default: the samples' time 2026-11-23T09:00:00Z, or now with --file).")
  Instant at;

  @Option(names = "--service", paramLabel = "SERVICE", description = "Only announcements reaching this service.")
  String service;

  @Option(names = "--ci", paramLabel = "CI", description = "Only announcements concerning this configuration item.")
  String ci;

  @Option(names = "--language", paramLabel = "LANG", description = "The language of the texts (default: each announcement's default).")
  String language;

  @Option(names = "--all", description = "Every announcement, whatever its status.")
  boolean all;

  @Option(names = "--json", description = "One announcement per line as JSON.")
  boolean json;

  @Override
  int execute() {
    if (!List.of("show", "samples", "end", "archive").contains(action)) {
      throw new CliException(ItsmCommand.EXIT_USAGE,
          "ACTION must be show, samples, end or archive, but was '" + action + "'");
    }
    if (store != null && file != null) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "--store and --file name two sources of"
          + " announcements; give one");
    }
    if (all && archived) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "--all and --archived exclude each other");
    }
    if (!action.equals("show")) {
      if (store == null) {
        throw new CliException(ItsmCommand.EXIT_USAGE, action + " writes to a store: itsm"
            + " announcements " + action + (action.equals("samples") ? "" : " ID") + " --store URL");
      }
      if (action.equals("samples") == (id != null)) {
        throw new CliException(ItsmCommand.EXIT_USAGE, action.equals("samples")
            ? "samples takes no ID" : action + " needs the announcement: itsm announcements "
                + action + " ID --store URL");
      }
      write();
      return ItsmCommand.EXIT_OK;
    }
    if (id != null) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "show takes no ID; to see one, filter with"
          + " --service or --ci, or use --json");
    }
    if (store == null) {
      show(load());
      return ItsmCommand.EXIT_OK;
    }
    try (JdbcStore s = Stores.forReading(store)) {
      show(onStore(s).search(CLI, query()));
    } catch (JdbcStoreException e) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot read the store " + store + ": "
          + e.getMessage());
    }
    return ItsmCommand.EXIT_OK;
  }

  private static final Set<AnnouncementStatus> ARCHIVE =
      Set.of(AnnouncementStatus.ENDED, AnnouncementStatus.ARCHIVED);

  /** The announcements of a store, checked against its CMDB. */
  private static Announcements onStore(JdbcStore s) {
    Kernel kernel = Kernel.ofDefaults().withStores(s.stores());
    return Announcements.builder().kernel(kernel).cmdb(Cmdb.builder().kernel(kernel).build())
        .build();
  }

  private void write() {
    try (JdbcStore s = Stores.forWriting(store)) {
      switch (action) {
        case "samples" -> {
          Kernel kernel = Kernel.ofDefaults().withStores(s.stores());
          Cmdb cmdb = Cmdb.builder().kernel(kernel).build();
          if (cmdb.find(CLI, CiQuery.all()).isEmpty()) {
            throw new CliException(ItsmCommand.EXIT_FAILURES, "the store " + store + " holds no"
                + " CMDB for the samples to announce outages of; import the sample CMDB first:"
                + " itsm cmdb import --store " + store);
          }
          int before = onStore(s).search(CLI, AnnouncementQuery.all()).size();
          if (before > 0) {
            throw new CliException(ItsmCommand.EXIT_FAILURES, "the store " + store + " already"
                + " holds " + before + " announcement" + (before == 1 ? "" : "s") + "; the samples"
                + " go only into a store without any (nothing was stored)");
          }
          int after = SampleAnnouncements.create(cmdb, kernel).search(CLI, AnnouncementQuery.all())
              .size();
          out().printf("stored %d sample announcements in %s%n", after, store);
        }
        case "end" -> {
          Announcement a = onStore(s).end(CLI, id, note);
          out().printf("%s %s at %s%n", a.id(), a.status(), a.updatedAt());
        }
        default -> {
          Announcement a = onStore(s).archive(CLI, id);
          out().printf("%s %s%n", a.id(), a.status());
        }
      }
    } catch (JdbcStoreException e) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot write to the store " + store + ": "
          + e.getMessage());
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    }
  }

  private void show(List<Announcement> stored) {
    Instant when = at != null ? at : file == null && store == null ? SampleAnnouncements.NOW
        : Instant.now();
    List<Announcement> shown = new ArrayList<>();
    for (Announcement a : stored) {
      if ((all || archived || a.isActiveAt(when))
          && query().matches(a)
          && (service == null || a.reach().contains(service) || a.content().services().contains(service))
          && (ci == null || a.content().cis().contains(ci))
          ) {
        shown.add(a);
      }
    }
    for (Announcement a : shown) {
      if (json) {
        out().println(ItsmJson.defaults().announcements().writeAnnouncement(a));
        continue;
      }
      AnnouncementText t = a.content().text(language);
      out().printf("%s %s %s %s%n", a.id(), a.content().kind(), a.status(), a.content().window());
      out().printf("  %s%n", t.title());
      if (!t.cause().isBlank()) {
        out().printf("  %s%n", t.cause());
      }
      if (!t.workaround().isBlank()) {
        out().printf("  workaround: %s%n", t.workaround());
      }
      out().printf("  services: %s; contact: %s; languages: %s%n",
          String.join(", ", a.reach().isEmpty() ? a.content().services() : a.reach()),
          a.content().contact(), String.join(", ", a.content().texts().keySet()));
    }
    if (!json) {
      out().printf("%d announcement%s %s%n", shown.size(), shown.size() == 1 ? "" : "s",
          all ? "in all" : archived ? "in the archive" : "active at " + when);
    }
  }

  /** The archive's statuses and text, when {@code --archived}; else every announcement. */
  private AnnouncementQuery query() {
    AnnouncementQuery q = archived ? AnnouncementQuery.all().withStatuses(ARCHIVE)
        : AnnouncementQuery.all();
    return text == null ? q : q.withText(text);
  }

  private List<Announcement> load() {
    if (file == null) {
      Announcements samples = SampleAnnouncements.create(SampleCmdb.create());
      return samples.search(Actor.of("itsm-cli", Role.ADMIN), AnnouncementQuery.all());
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ItsmJson.defaults().announcements().readList(in);
    } catch (JsonFormatException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, file + ": " + e.getMessage());
    } catch (IOException e) {
      throw CliException.cannotRead("announcements file", file.toString(), e);
    }
  }
}
