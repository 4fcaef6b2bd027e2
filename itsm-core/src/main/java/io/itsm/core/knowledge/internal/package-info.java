/**
 * The knowledge base's implementation: the write path, the commands, usage and queries behind
 * {@link io.itsm.core.knowledge.KnowledgeBase}. Not API: may change without notice.
 */
package io.itsm.core.knowledge.internal;
