package io.itsm.rules.predict.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Ticket;
import io.itsm.rules.predict.PastIncident;
import io.itsm.rules.testkit.HelpDeskTickets;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {

  @Test
  void extract_namesWordsPairsCharacterGramsAndFields() {
    Ticket t = Ticket.builder().title("Printers printing").channel(Channel.EMAIL).service("Print")
        .caller(Caller.of("u").withLanguage("en").withDepartment("Finance")).build();
    TextFeatures.Extracted x = TextFeatures.extract(t);
    assertThat(x.words()).containsExactly("printers", "printing");
    assertThat(x.keys()).contains("w:printer", "w:print", "b:printer print", "c:^pr", "c:ers$",
        "f:type=incident", "f:channel=email", "f:service=print", "f:dept=finance", "f:lang=en");
  }

  @Test
  void vectorWithoutNames_equalsVectorByNames() {
    List<Ticket> tickets = new ArrayList<>();
    for (PastIncident p : HelpDeskTickets.generate(300, 4L)) {
      tickets.add(p.ticket());
    }
    tickets.addAll(TicketGenerator.generate(300));
    TreeSet<String> names = new TreeSet<>();
    for (int i = 0; i < tickets.size(); i += 2) {  // half the tickets make the vocabulary
      names.addAll(TextFeatures.extract(tickets.get(i)).keys());
    }
    List<String> features = List.copyOf(names);
    Map<String, Integer> byName = new HashMap<>();
    float[] idf = new float[features.size()];
    for (int i = 0; i < features.size(); i++) {
      byName.put(features.get(i), i);
      idf[i] = 1 + (i % 7) / 3f;
    }
    TextFeatures.Vocabulary vocabulary = new TextFeatures.Vocabulary(features);
    for (Ticket t : tickets) {
      assertThat(asMap(TextFeatures.vector(t, vocabulary, idf)))
          .as(t.title())
          .isEqualTo(asMap(TextFeatures.vector(TextFeatures.extract(t), byName, idf)));
    }
  }

  private static Map<Integer, String> asMap(TextFeatures.Vector v) {
    Map<Integer, String> m = new HashMap<>();
    for (int i = 0; i < v.features().length; i++) {
      m.put(v.features()[i], v.values()[i] + "@" + v.owners()[i] + "/" + v.fieldNames()[i]);
    }
    return m;
  }
}
