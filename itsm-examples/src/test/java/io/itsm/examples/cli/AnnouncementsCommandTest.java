package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.json.ItsmJson;
import io.itsm.examples.outage.SampleAnnouncements;
import io.itsm.examples.outage.SampleCmdb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnouncementsCommandTest {

  @Test
  void theActiveOutage_inTheAskedLanguage() {
    Cli r = Cli.run("announcements", "--language", "de", "--service", "svc-webshop");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("UNPLANNED_OUTAGE PUBLISHED 2026-11-23T08:05:00Z – 2026-11-23T10:05:00Z")
        .contains("  Webshop, Kasse und Zahlungen nicht verfügbar\n")
        .endsWith("1 announcement active at 2026-11-23T09:00:00Z\n");
  }

  @Test
  void atAnotherInstant_theMaintenanceIsActive_andAllShowsEveryAnnouncement() {
    assertThat(Cli.run("announcements", "--at", "2026-11-28T20:30:00Z", "--language", "sv").out())
        .contains("MAINTENANCE PUBLISHED").contains("Underhåll av e-post på lördag kväll");
    assertThat(Cli.run("announcements", "--all").out()).contains("ARCHIVED").endsWith("3 announcements in all\n");
    assertThat(Cli.run("announcements", "--at", "yesterday").exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
  }

  @Test
  void aFileOfStoredAnnouncements_isRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("announcements.json");
    Files.writeString(file, ItsmJson.defaults().announcements().writeList(
        SampleAnnouncements.create(SampleCmdb.create()).search(Actor.of("x", Role.ADMIN), AnnouncementQuery.all())));
    Cli r = Cli.run("announcements", "--file", file.toString(), "--at", "2026-11-23T09:00:00Z", "--json");
    assertThat(r.out().lines()).singleElement().satisfies(l -> assertThat(l).startsWith("{\"id\":\"ANN-000002\""));
    Files.writeString(file, "{\"formatVersion\":1,\"announcements\":[{\"id\":\"x\"}]}");
    assertThat(Cli.run("announcements", "--file", file.toString()).err()).contains("content: required, but missing");
  }
}
