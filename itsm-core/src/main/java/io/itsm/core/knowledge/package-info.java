/**
 * The knowledge base: {@link io.itsm.core.knowledge.KnowledgeArticle articles} (SOPs, known
 * errors with workarounds, FAQs, how-tos) in several languages, with versions, a review through
 * the generic {@link io.itsm.core.approval.Approval}, links to incidents and usage counts; the
 * {@link io.itsm.core.knowledge.KnowledgeBase} facade that writes, reviews, publishes, suggests
 * and searches them; the SPIs for storage ({@link io.itsm.core.knowledge.KnowledgeRepository}),
 * search ({@link io.itsm.core.knowledge.ArticleIndex}) and knowledge capture ({@link
 * io.itsm.core.knowledge.CapturePolicy}). See {@code docs/knowledge.md}.
 */
package io.itsm.core.knowledge;
