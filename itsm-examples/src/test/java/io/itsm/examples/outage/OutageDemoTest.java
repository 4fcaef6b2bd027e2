package io.itsm.examples.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.cmdb.ChangeStatus;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Urgency;
import io.itsm.core.notification.Message;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The outage story end to end, checked on the objects and on the printed output. */
class OutageDemoTest {

  private static String print(OutageDemo demo, OutageDemo.Result[] result) {
    StringWriter out = new StringWriter();
    result[0] = demo.run(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void aDatabaseFails_theAnnouncementIsToldLinkedEndedAndArchived_andAChangeFixesIt() {
    OutageDemo.Result[] r = new OutageDemo.Result[1];
    String text = print(new OutageDemo(), r);
    OutageDemo.Result result = r[0];

    assertThat(result.impact().services()).containsExactly("svc-checkout", "svc-payments", "svc-webshop");
    assertThat(result.majorIncident().team()).contains("dba");
    assertThat(result.majorIncident().status()).isEqualTo(Status.RESOLVED);

    assertThat(result.announcement().status()).isEqualTo(AnnouncementStatus.ARCHIVED);
    assertThat(result.announcement().content().texts()).containsOnlyKeys("en", "de");
    assertThat(result.announcement().approval().orElseThrow().decisions()).extracting(d -> d.approverId())
        .containsExactly("m-maja", "x-sven");
    assertThat(result.announcement().linkedIncidents())
        .containsExactlyElementsOf(result.linkedTickets().stream().map(i -> i.id()).toList());

    assertThat(result.linkedTickets()).hasSize(3).allSatisfy(t -> {
      assertThat(t.links()).containsExactly(new Link(LinkType.RELATED, result.announcement().id()),
          new Link(LinkType.PARENT, result.majorIncident().id()));
      assertThat(t.urgency()).contains(Urgency.LOW);
      assertThat(t.tags()).contains("known-outage");
    });
    assertThat(result.unrelatedTicket().links()).isEmpty();

    assertThat(result.change().status()).isEqualTo(ChangeStatus.COMPLETED);

    assertThat(result.sent()).extracting(Message::subject).contains(
        "UNPLANNED_OUTAGE: Webshop, Kasse und Zahlungen nicht verfügbar",
        "UNPLANNED_OUTAGE: Web shop, checkout and payments unavailable",
        "[INC-000002] Bekannte Störung: Webshop, Kasse und Zahlungen nicht verfügbar",
        "Update: Web shop, checkout and payments unavailable lasts longer",
        "Resolved: Web shop, checkout and payments unavailable");
    assertThat(result.sent()).filteredOn(m -> m.recipientId().equals("u-dan"))
        .as("u-dan uses only e-mail, which was not down").extracting(Message::subject)
        .containsExactly("[INC-000005] Nous avons reçu votre demande : Les e-mails arrivent lentement");

    assertThat(text).contains("db-orders fails: 3 services (svc-checkout, svc-payments, svc-webshop)")
        .contains("audit: 2026-11-23T09:46:00Z l-lena db-orders attributes.primary: node-a → node-b (change CHG-000001)")
        .contains("the archive finds it for svc-checkout and 'bestelldatenbank': [ANN-000001]");
  }

  @Test
  void theDemo_printsTheSameEveryRun() {
    OutageDemo.Result[] r = new OutageDemo.Result[1];
    assertThat(print(new OutageDemo(), r)).isEqualTo(print(new OutageDemo(), r));
  }
}
