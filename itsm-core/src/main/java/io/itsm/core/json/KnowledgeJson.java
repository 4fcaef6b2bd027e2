package io.itsm.core.json;

import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes knowledge articles, their events and histories as JSON (docs/knowledge.md,
 * "JSON"): records by their components in declaration order, events with {@code "type"} first
 * (the simple name of the record), under the general rules of docs/json.md. A knowledge export is
 * JSON Lines with one article history a line.
 *
 * <pre>{@code
 * KnowledgeJson json = ItsmJson.defaults().knowledge();
 * String line = json.writeHistory(kb.history(agent, "KB-000007"));
 * kb2.importHistory(admin, json.readHistory(line));
 * }</pre>
 *
 * <p>Immutable and thread-safe; get it from {@link ItsmJson#knowledge()}.
 */
public final class KnowledgeJson {

  private final ItsmJson json;

  KnowledgeJson(ItsmJson json) {
    this.json = json;
  }

  /**
   * Reads an article's state.
   *
   * @param text a JSON object in the article format
   * @return the article
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid article
   */
  public KnowledgeArticle readArticle(String text) {
    return ItsmJson.read(text, KnowledgeArticle.class);
  }

  /**
   * Writes an article's state.
   *
   * @param article the article
   * @return the JSON text
   * @throws NullPointerException if {@code article} is null
   */
  public String writeArticle(KnowledgeArticle article) {
    return json.write(Objects.requireNonNull(article, "article"), KnowledgeArticle.class);
  }

  /**
   * Reads one event; its {@code "type"} names the event record.
   *
   * @param text a JSON object in the event format
   * @return the event
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid event
   */
  public KnowledgeEvent readEvent(String text) {
    return ItsmJson.read(text, KnowledgeEvent.class);
  }

  /**
   * Writes one event, with its {@code "type"} first.
   *
   * @param event the event
   * @return the JSON text
   * @throws NullPointerException if {@code event} is null
   */
  public String writeEvent(KnowledgeEvent event) {
    return json.write(Objects.requireNonNull(event, "event"), KnowledgeEvent.class);
  }

  /**
   * Reads an article's history document: {@code {"formatVersion": 1, "events": [...]}}. The
   * events are returned as written; {@link
   * io.itsm.core.knowledge.event.KnowledgeHistory#replay} checks them.
   *
   * @param text the history document
   * @return the events, immutable, in document order
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid history
   */
  public List<KnowledgeEvent> readHistory(String text) {
    return ItsmJson.read(text, KnowledgeHistoryDocument.class).events();
  }

  /**
   * Reads an article's history document from a character stream. Does not close it.
   *
   * @param text the history document
   * @return the events, immutable, in document order
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid history
   * @throws UncheckedIOException if reading fails
   */
  public List<KnowledgeEvent> readHistory(Reader text) {
    return ItsmJson.read(text, KnowledgeHistoryDocument.class).events();
  }

  /**
   * Writes an article's history document, on one line unless pretty printing.
   *
   * @param events the events, in order
   * @return the JSON text
   * @throws NullPointerException if {@code events} or an element is null
   */
  public String writeHistory(List<? extends KnowledgeEvent> events) {
    Objects.requireNonNull(events, "events");
    events.forEach(e -> Objects.requireNonNull(e, "events must not contain null"));
    return json.write(KnowledgeHistoryDocument.of(events), KnowledgeHistoryDocument.class);
  }

  @Override
  public String toString() {
    return "KnowledgeJson{" + json + "}";
  }
}
