/**
 * The events of a knowledge article's history ({@link
 * io.itsm.core.knowledge.event.KnowledgeEvent}, one record per type) and {@link
 * io.itsm.core.knowledge.event.KnowledgeHistory}, which rebuilds an article from them.
 */
package io.itsm.core.knowledge.event;
