package io.itsm.core.kernel;

import io.itsm.core.ValidationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a desk's practices keep their records: one store per store type (an SPI of a practice,
 * such as {@link io.itsm.core.repository.IncidentRepository}). A database module registers all
 * its stores here at once; a practice without a store registered keeps its records in memory.
 *
 * <pre>{@code
 * Stores stores = Stores.none().with(IncidentRepository.class, jdbc.incidents());
 * }</pre>
 *
 * <p>Immutable and thread-safe (the stores it holds must be thread-safe).
 */
public final class Stores {

  private static final Stores NONE = new Stores(Map.of());

  private final Map<Class<?>, Object> byType;

  private Stores(Map<Class<?>, Object> byType) {
    this.byType = Map.copyOf(byType);
  }

  /**
   * Returns no stores: every practice keeps its records in memory.
   *
   * @return the empty registry
   */
  public static Stores none() {
    return NONE;
  }

  /**
   * Returns these stores with one more (or another one of a type already held).
   *
   * @param <S> the store type
   * @param type the store type, an interface of a practice
   * @param store the store
   * @return the copy
   * @throws ValidationException if {@code store} is not a {@code type}
   */
  public <S> Stores with(Class<S> type, S store) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(store, "store");
    if (!type.isInstance(store)) {
      throw new ValidationException("store " + store.getClass().getName() + " is not a "
          + type.getName());
    }
    Map<Class<?>, Object> m = new HashMap<>(byType);
    m.put(type, store);
    return new Stores(m);
  }

  /**
   * Finds the store of a type.
   *
   * @param <S> the store type
   * @param type the store type
   * @return the store, or empty when none is registered (the practice keeps its records in memory)
   */
  public <S> Optional<S> find(Class<S> type) {
    return Optional.ofNullable(byType.get(Objects.requireNonNull(type, "type"))).map(type::cast);
  }

  /**
   * Returns the store types registered.
   *
   * @return the types
   */
  public Set<Class<?>> types() {
    return byType.keySet();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stores s && s.byType.equals(byType);
  }

  @Override
  public int hashCode() {
    return byType.hashCode();
  }

  @Override
  public String toString() {
    return "Stores" + byType;
  }
}
