package io.itsm.rules.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.facts.MajorIncidentSuspect;
import io.itsm.rules.facts.SimilarIncident;
import io.itsm.rules.testkit.HelpDeskTickets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimilarIncidentsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  private static Ticket ticket(String id, String title, String service, Instant at) {
    return Ticket.builder().id(id).title(title).service(service).openedAt(at)
        .caller(Caller.of("u").withLanguage("en")).build();
  }

  @Test
  void similar_findsThePastIncidentsSharingTheMostWords_withTheirResolution() {
    try (SimilarIncidents index = SimilarIncidents.builder().build()) {
      index.addAll(HelpDeskTickets.generate(500, 1L));
      index.add(new PastIncident(ticket("INC-9", "VPN client drops the tunnel every hour", null, T0),
          "network", "network-ops", null, "reinstalled the vpn client 5.4", false));

      List<SimilarIncident> found =
          index.similar(ticket("NEW-1", "the vpn tunnel drops every hour", null, T0), 3);

      assertThat(found).hasSize(3);
      assertThat(found.get(0).incidentId()).isEqualTo("INC-9");
      assertThat(found.get(0).rank()).isEqualTo(1);
      assertThat(found.get(0).resolution()).isEqualTo("reinstalled the vpn client 5.4");
      assertThat(found.get(0).team()).isEqualTo("network-ops");
      assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
      assertThat(index.size()).isEqualTo(501);
      // the ticket itself is never its own match; replacing by id keeps one copy
      index.add(new PastIncident(ticket("INC-9", "VPN client drops the tunnel every hour", null, T0),
          "network", "network-ops", null, "other fix", false));
      assertThat(index.size()).isEqualTo(501);
      assertThat(index.similar(ticket("INC-9", "vpn tunnel drops", null, T0), 5))
          .extracting(SimilarIncident::incidentId).doesNotContain("INC-9");
      assertThat(index.similar(ticket("X", "the of and", null, T0), 5)).isEmpty();
      assertThatThrownBy(() -> index.similar(ticket("X", "vpn", null, T0), -1))
          .isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void majorIncident_nSimilarOpenIncidentsOnOneServiceWithinTheWindow_nameTheEarliestAsParent() {
    try (SimilarIncidents index = SimilarIncidents.builder().majorIncidentThreshold(3)
        .majorIncidentWindow(Duration.ofMinutes(30)).build()) {
      index.add(new PastIncident(ticket("INC-1", "email not sending from outlook", "email",
          T0.plusSeconds(60)), null, null, null, null, true));
      index.add(new PastIncident(ticket("INC-2", "outlook email not sending", "email",
          T0.plusSeconds(300)), null, null, null, null, true));
      // not similar, other service, closed, too old: none of them count
      index.add(new PastIncident(ticket("INC-3", "printer jam", "email", T0.plusSeconds(400)),
          null, null, null, null, true));
      index.add(new PastIncident(ticket("INC-4", "email not sending", "vpn", T0.plusSeconds(400)),
          null, null, null, null, true));
      index.add(new PastIncident(ticket("INC-5", "email not sending", "email", T0.plusSeconds(500)),
          null, null, null, null, false));
      index.add(new PastIncident(ticket("INC-6", "email not sending", "email",
          T0.minus(Duration.ofHours(2))), null, null, null, null, true));

      Ticket third = ticket("INC-7", "cannot send email in outlook, not sending", "email",
          T0.plusSeconds(900));
      Optional<MajorIncidentSuspect> m = index.majorIncident(third, T0.plusSeconds(900));

      assertThat(m).isPresent();
      assertThat(m.get().parentId()).isEqualTo("INC-1");
      assertThat(m.get().similarOpen()).containsExactly("INC-1", "INC-2");
      assertThat(m.get().incidents()).isEqualTo(3);
      assertThat(m.get().service()).isEqualTo("email");

      // two are not enough for N = 3
      assertThat(index.majorIncident(third, T0.plusSeconds(200))).isEmpty();
      // no service or CI: no detection
      assertThat(index.majorIncident(ticket("Z", "email not sending", null, T0), T0)).isEmpty();

      TriageResult r = TriageEngine.builder().similarIncidents(index).build()
          .triage(third.toBuilder().openedAt(T0.plusSeconds(900)).build());
      assertThat(r.tags()).contains("likely-major-incident");
      assertThat(r.decisions()).filteredOn(d -> d.attribute() == TriageAttribute.TAG)
          .anySatisfy(d -> assertThat(d.reason())
              .contains("3 similar open incidents on service email within 30 min")
              .contains("link to parent INC-1"));
    }
  }

  @Test
  void builder_rejectsNonsense() {
    assertThatThrownBy(() -> SimilarIncidents.builder().majorIncidentThreshold(1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at least 2");
    assertThatThrownBy(() -> SimilarIncidents.builder().majorIncidentWindow(Duration.ZERO))
        .isInstanceOf(ValidationException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> SimilarIncidents.builder().majorIncidentSimilarity(1.5))
        .isInstanceOf(ValidationException.class);
    try (SimilarIncidents index = SimilarIncidents.builder().build()) {
      assertThatThrownBy(() -> index.add(PastIncident.of(Ticket.builder().title("x").build(), "a", "b")))
          .isInstanceOf(ValidationException.class).hasMessageContaining("must have an id");
    }
  }
}
