package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.announcement.AnnouncementSubmitted;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Approver;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.Criticality;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of {@code announcement-policy.drl}, through real announcements. */
class AnnouncementPolicyRulesTest {

  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  static final AnnouncementEngine ENGINE = AnnouncementEngine.withDefaults();

  private Announcements announcements(Cmdb cmdb) {
    return Announcements.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).cmdb(cmdb).policy(ENGINE).build();
  }

  private static Cmdb cmdb() {
    Cmdb cmdb = Cmdb.builder().build();
    cmdb.register(ADMIN, CiDefinition.of("svc-webshop", CiType.BUSINESS_SERVICE, "Web shop")
        .withCriticality(Criticality.BUSINESS_CRITICAL));
    cmdb.register(ADMIN, CiDefinition.of("svc-wiki", CiType.BUSINESS_SERVICE, "Wiki"));
    return cmdb;
  }

  private static AnnouncementContent content(AnnouncementKind kind, String service, Instant start) {
    return AnnouncementContent.of(kind, OutageWindow.of(start, start.plus(Duration.ofHours(2)), ZoneOffset.UTC),
        "desk", "en", new AnnouncementText("t", "", "", "")).withServices(Set.of(service));
  }

  @Test
  void aMajorOutage_needsAManagerThenSeniorManagement() {
    Announcements a = announcements(cmdb());
    String id = a.draft(ADMIN, content(AnnouncementKind.UNPLANNED_OUTAGE, "svc-webshop", NOW)).id();
    Announcement s = a.submit(ADMIN, id);
    assertThat(s.approval().orElseThrow().stages()).extracting(st -> st.approvers().get(0))
        .containsExactly(Approver.role(Role.MANAGER), Approver.role(Role.SENIOR_MANAGER));
    assertThat(((AnnouncementSubmitted) a.history(ADMIN, id).get(1)).reasons()).containsExactly(
        "rule 'Announcements are approved by a manager': every announcement is approved by a manager",
        "rule 'A major outage also needs senior management': a major outage: 1 services, highest criticality BUSINESS_CRITICAL");
  }

  @Test
  void aSmallOutage_needsOnlyAManager() {
    Announcements a = announcements(cmdb());
    String id = a.draft(ADMIN, content(AnnouncementKind.UNPLANNED_OUTAGE, "svc-wiki", NOW)).id();
    assertThat(a.submit(ADMIN, id).approval().orElseThrow().stages()).hasSize(1);
  }

  @Test
  void plannedOutages_needThreeDaysNotice_maintenanceOneDay() {
    Announcements a = announcements(cmdb());
    String tooLate = a.draft(ADMIN, content(AnnouncementKind.PLANNED_OUTAGE, "svc-wiki", NOW.plus(Duration.ofDays(2)))).id();
    assertThatThrownBy(() -> a.submit(ADMIN, tooLate)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be published at least 3 days before its window starts (rule"
            + " 'Announcements are approved by a manager': every announcement is approved by a manager; rule"
            + " 'Planned outages are announced three days ahead': users plan their work around a planned outage)");
    assertThat(a.get(ADMIN, tooLate).status()).isEqualTo(AnnouncementStatus.DRAFT);
    String maintenance = a.draft(ADMIN, content(AnnouncementKind.MAINTENANCE, "svc-webshop",
        NOW.plus(Duration.ofDays(2)))).id();
    Announcement m = a.submit(ADMIN, maintenance);
    assertThat(m.leadTime()).isEqualTo(Duration.ofDays(1));
    assertThat(m.approval().orElseThrow().stages()).as("maintenance is no outage").hasSize(1);
  }

  @Test
  void everyDefaultRule_fires() {
    AnnouncementEngine engine = AnnouncementEngine.withDefaults();
    Announcements a = Announcements.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).cmdb(cmdb()).policy(engine).build();
    a.submit(ADMIN, a.draft(ADMIN, content(AnnouncementKind.PLANNED_OUTAGE, "svc-webshop", NOW.plus(Duration.ofDays(5)))).id());
    a.submit(ADMIN, a.draft(ADMIN, content(AnnouncementKind.UPGRADE, "svc-wiki", NOW.plus(Duration.ofDays(5)))).id());
    assertThat(engine.ruleFireCounts()).hasSize(4).allSatisfy((rule, n) -> assertThat(n).as(rule).isPositive());
  }

  @Test
  void aRuleSetWithoutApprover_refusesToSubmit() {
    AnnouncementEngine none = AnnouncementEngine.builder().withoutRule("Announcements are approved by a manager").build();
    Announcements a = Announcements.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).policy(none).build();
    String id = a.draft(ADMIN, content(AnnouncementKind.NEW_FEATURE, "svc-wiki", NOW)).id();
    assertThatThrownBy(() -> a.submit(ADMIN, id))
        .hasMessage("no announcement rule decided who approves ANN-000001; a rule must call"
            + " announce.approvedBy(Role..., reason)");
  }
}
