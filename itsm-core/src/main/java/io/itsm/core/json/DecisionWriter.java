package io.itsm.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes one triage decision per line (JSON Lines) with Jackson's streaming generator:
 *
 * <pre>{@code
 * {"id":"EXT-77","category":"network","subcategory":"vpn","impact":"MEDIUM","urgency":"HIGH",
 *  "priority":"P2","team":"network-ops","supportLevel":"L2","approvalRequired":true,
 *  "explanations":[{"attribute":"category","value":"network","rule":"...","reason":"..."},...]}
 * }</pre>
 *
 * <p>Every line has every key, in this order; an attribute no rule decided is {@code null}.
 * Explanations list the winning decisions in the order the rules made them; their {@code
 * attribute} is the key they explain ({@code "tag"} for tags). When a bound gave the value, the
 * explanation adds {@code "bound": "atLeast"} (or {@code "atMost"}) and {@code "from": {"value",
 * "rule", "reason"}}, the value it raised or lowered (left out when nothing was set before).
 *
 * <p>This is the one format of a triage decision outside the event history: {@code itsm triage}
 * writes it as JSON Lines, and {@code itsm-kafka} puts one such object (without the line end, see
 * {@link #toJson(String, TriageResult)}) as the value of each record of its decisions topic.
 *
 * <p>Not thread-safe.
 */
public final class DecisionWriter implements Closeable {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final JsonGenerator gen;

  /**
   * Creates a writer on {@code out}, which it does not close.
   *
   * @param out where the lines go
   * @throws IOException if the generator cannot be created
   */
  public DecisionWriter(Writer out) throws IOException {
    this.gen = FACTORY.createGenerator(out);
    gen.setRootValueSeparator(null);
  }

  /**
   * Returns one decision as a JSON object on one line, without the line end: what {@link #write}
   * writes for it.
   *
   * @param id the decision's id (the ticket's id)
   * @param r the result
   * @return the JSON text
   * @throws NullPointerException if an argument is null
   */
  public static String toJson(String id, TriageResult r) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(r, "r");
    StringWriter out = new StringWriter(512);
    try (DecisionWriter w = new DecisionWriter(out)) {
      w.write(id, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    String line = out.toString();
    return line.substring(0, line.length() - 1);
  }

  /**
   * Returns the id a decision line has: the ticket's id, or {@code line-N} when it has none.
   *
   * @param ticket the ticket
   * @param lineNumber its line number in the input, from 1
   * @return the id
   */
  public static String idOf(Ticket ticket, long lineNumber) {
    return ticket.id().orElse("line-" + lineNumber);
  }

  /**
   * Writes one decision line.
   *
   * @param id the line's id (see {@link #idOf})
   * @param r the result
   * @throws IOException if writing fails
   */
  public void write(String id, TriageResult r) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("id", id);
    string("category", r.category());
    string("subcategory", r.subcategory());
    string("impact", r.impact().map(Enum::name));
    string("urgency", r.urgency().map(Enum::name));
    string("priority", r.priority().map(Enum::name));
    string("team", r.team());
    string("supportLevel", r.supportLevel().map(Enum::name));
    gen.writeBooleanField("approvalRequired", r.approvalRequired());
    gen.writeArrayFieldStart("explanations");
    for (TriageDecision d : r.decisions()) {
      gen.writeStartObject();
      gen.writeStringField("attribute", key(d.attribute()));
      gen.writeStringField("value", d.valueText());
      gen.writeStringField("rule", d.rule());
      gen.writeStringField("reason", d.reason());
      if (d.isBound()) {
        // a bound gave the value: which one, and the value (and rule) it raised or lowered
        gen.writeStringField(
            "bound", d.effect() == TriageDecision.Effect.AT_LEAST ? "atLeast" : "atMost");
        List<TriageDecision> chain = r.contributing(d.attribute());
        if (chain.size() > 1) {
          TriageDecision before = chain.get(chain.size() - 2);
          gen.writeObjectFieldStart("from");
          gen.writeStringField("value", before.valueText());
          gen.writeStringField("rule", before.rule());
          gen.writeStringField("reason", before.reason());
          gen.writeEndObject();
        }
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
    gen.writeRaw('\n');
  }

  private void string(String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      gen.writeStringField(name, value.get());
    } else {
      gen.writeNullField(name);
    }
  }

  /**
   * Returns the output key an attribute explains.
   *
   * @param a the attribute
   * @return for example {@code "supportLevel"} for {@link TriageAttribute#SUPPORT_LEVEL}
   */
  static String key(TriageAttribute a) {
    return switch (a) {
      case CATEGORY -> "category";
      case SUBCATEGORY -> "subcategory";
      case IMPACT -> "impact";
      case URGENCY -> "urgency";
      case PRIORITY -> "priority";
      case TEAM -> "team";
      case SUPPORT_LEVEL -> "supportLevel";
      case APPROVAL_REQUIRED -> "approvalRequired";
      case TAG -> "tag";
    };
  }

  /**
   * Flushes what is buffered to the underlying writer (and flushes it).
   *
   * @throws IOException if writing fails
   */
  public void flush() throws IOException {
    gen.flush();
  }

  /** Flushes; the underlying writer stays open. */
  @Override
  public void close() throws IOException {
    gen.close();
  }
}
