package io.itsm.core.knowledge;

import io.itsm.core.knowledge.event.KnowledgeEvent;

/**
 * Hears every event the {@link KnowledgeBase} records, after the command that caused it was
 * stored: the place to feed metrics (usage, contributions), notify authors or copy articles
 * elsewhere.
 *
 * <p>Each listener hears the events of one article in the order they were stored, without gaps;
 * listeners are called in registration order, on the thread that ran the command (a command
 * returns after its events were heard). A listener may run commands of the knowledge base: their
 * events are delivered after the current ones. An exception thrown by a listener is logged and
 * undoes nothing. Implementations that keep state must be thread-safe.
 */
@FunctionalInterface
public interface KnowledgeListener {

  /**
   * Called for each event of a stored command.
   *
   * @param event the event
   * @param article the article after the whole command
   */
  void onEvent(KnowledgeEvent event, KnowledgeArticle article);
}
