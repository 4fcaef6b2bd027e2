/**
 * Knowledge search with Lucene: {@link io.itsm.rules.knowledge.KnowledgeIndex}, the index behind
 * a {@code KnowledgeBase}'s suggestions and self-service search and the source of {@code
 * KnowledgeMatch} facts in triage. See {@code docs/knowledge.md}.
 */
package io.itsm.rules.knowledge;
