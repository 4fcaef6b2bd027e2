package io.itsm.core.knowledge.internal;

import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.knowledge.ArticleVersion;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.KnowledgeArticle;
import java.util.Optional;

/**
 * The knowledge base's access rules on top of the desk's {@link AccessPolicy}: who holds {@link
 * Permission#KNOWLEDGE_READ} reads everything; who holds only {@link
 * Permission#KNOWLEDGE_READ_PUBLIC} reads the published version of public articles.
 *
 * <p>Thread-safe.
 */
final class Access {

  private final AccessPolicy policy;

  Access(AccessPolicy policy) {
    this.policy = policy;
  }

  void check(Actor actor, Permission permission) {
    policy.check(actor, permission, Optional.empty());
  }

  boolean readsAll(Actor actor) {
    return policy.permits(actor, Permission.KNOWLEDGE_READ, Optional.empty());
  }

  /** Checks the actor may search at all; returns whether they read everything. */
  boolean checkSearch(Actor actor) {
    if (readsAll(actor)) {
      return true;
    }
    check(actor, Permission.KNOWLEDGE_READ_PUBLIC);
    return false;
  }

  /**
   * Returns the version the actor may read: for readers of everything the published one, else
   * the newest; for the others the published one of a public article.
   *
   * @throws AccessDeniedException if the actor may read no version of it
   */
  ArticleVersion readable(Actor actor, KnowledgeArticle a) {
    if (readsAll(actor)) {
      return a.published().orElse(a.current());
    }
    if (!policy.permits(actor, Permission.KNOWLEDGE_READ_PUBLIC, Optional.empty())) {
      throw new AccessDeniedException(actor, Permission.KNOWLEDGE_READ, null,
          "none of the actor's roles grants KNOWLEDGE_READ or KNOWLEDGE_READ_PUBLIC (article "
              + a.id() + ")");
    }
    Optional<ArticleVersion> published = a.published();
    if (published.isEmpty()) {
      throw new AccessDeniedException(actor, Permission.KNOWLEDGE_READ, null, "article " + a.id()
          + " is " + a.state() + ": the actor holds only KNOWLEDGE_READ_PUBLIC, which reads"
          + " published articles only");
    }
    if (published.get().content().audience() != Audience.PUBLIC) {
      throw new AccessDeniedException(actor, Permission.KNOWLEDGE_READ, null, "article " + a.id()
          + " is for an INTERNAL audience: the actor holds only KNOWLEDGE_READ_PUBLIC, which reads"
          + " PUBLIC articles only");
    }
    return published.get();
  }
}
