package io.itsm.core.knowledge.internal;

import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the events of one command on one article, numbering them, and applies them.
 *
 * <p>Not thread-safe: one per command.
 */
final class Recorder {

  final String articleId;
  final Instant now;
  final String actor;
  private final Optional<KnowledgeArticle> before;
  private final List<KnowledgeEvent> events = new ArrayList<>(4);
  private KnowledgeArticle state;

  Recorder(String articleId, Optional<KnowledgeArticle> before, Instant now, String actor) {
    this.articleId = articleId;
    this.before = before;
    this.now = now;
    this.actor = actor;
    this.state = before.orElse(null);
  }

  /** The sequence number of the next event. */
  long seq() {
    return (state == null ? 0 : state.version()) + 1;
  }

  /** Records an event, applying it at once (so a bad event fails before anything is stored). */
  Recorder record(KnowledgeEvent e) {
    state = KnowledgeHistory.apply(state, e);
    events.add(e);
    return this;
  }

  KnowledgeArticle state() {
    return state;
  }

  List<KnowledgeEvent> events() {
    return List.copyOf(events);
  }

  long expectedVersion() {
    return before.map(KnowledgeArticle::version).orElse(0L);
  }
}
