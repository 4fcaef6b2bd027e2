package io.itsm.core.knowledge.internal;

import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.KnowledgeRepository;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * New article ids from the kernel's generator, past the highest one already stored: a knowledge
 * base opened again on a database that holds {@code KB-000001 .. KB-012345} (its generator counts
 * from 1 again) goes on with {@code KB-012346} instead of trying every taken id. The stored ids
 * are read once, at the first new id; ids of another form are not counted (a collision with one
 * is still caught by the commands' check that an id is free).
 *
 * <p>Thread-safe.
 */
public final class IdsAfterStored implements Supplier<String> {

  private final Supplier<String> generator;
  private final KnowledgeRepository repository;
  private final Pattern form;
  private long highest = -1;

  /**
   * Creates the supplier.
   *
   * @param generator the kernel's ids for the prefix
   * @param repository the stored articles
   * @param prefix the ids' prefix, such as {@code "KB"}: ids {@code prefix-<digits>} are counted
   */
  public IdsAfterStored(Supplier<String> generator, KnowledgeRepository repository, String prefix) {
    this.generator = Objects.requireNonNull(generator, "generator");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.form = Pattern.compile(Pattern.quote(Objects.requireNonNull(prefix, "prefix"))
        + "-(\\d{1,18})");
  }

  @Override
  public synchronized String get() {
    if (highest < 0) {
      long h = 0;
      for (KnowledgeArticle a : repository.find(KnowledgeQuery.all())) {
        h = Math.max(h, number(a.id()));
      }
      highest = h;
    }
    while (true) {
      String id = generator.get();
      if (id == null) {
        return null; // the commands name the generator
      }
      long n = number(id);
      if (n < 0 || n > highest) {
        return id;
      }
    }
  }

  private long number(String id) {
    Matcher m = form.matcher(id);
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }
}
