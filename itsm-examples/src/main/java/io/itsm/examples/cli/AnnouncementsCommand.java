package io.itsm.examples.cli;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.examples.outage.SampleAnnouncements;
import io.itsm.examples.outage.SampleCmdb;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code itsm announcements}: the announcements active at an instant (published, window started),
 * optionally for one service or item, in a language; from a file of stored announcements or the
 * bundled samples.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "announcements",
    mixinStandardHelpOptions = true,
    description = {
      "Show the announcements active at an instant: published, their window started, not ended.",
      "  itsm announcements --at 2026-11-23T09:00:00Z --service svc-webshop --language de",
      "  itsm announcements --all        (every announcement, upcoming and archived too)"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a bad announcements file", "2:usage error", "3:the file cannot be read"})
final class AnnouncementsCommand extends Subcommand {

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
    List<Announcement> stored = load();
    Instant when = at != null ? at : file == null ? SampleAnnouncements.NOW : Instant.now();
    List<Announcement> shown = new ArrayList<>();
    for (Announcement a : stored) {
      if ((all || a.isActiveAt(when))
          && (service == null || a.reach().contains(service) || a.content().services().contains(service))
          && (ci == null || a.content().cis().contains(ci))) {
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
          all ? "in all" : "active at " + when);
    }
    return ItsmCommand.EXIT_OK;
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
