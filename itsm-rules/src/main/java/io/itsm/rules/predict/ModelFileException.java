package io.itsm.rules.predict;

import io.itsm.core.ValidationException;

/**
 * A model file that cannot be loaded: not a model file, truncated, corrupt, of another format
 * version, or inconsistent. Nothing is loaded when it is thrown.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModelFileException extends ValidationException {

  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * Creates the exception.
   *
   * @param source the file (or stream) name
   * @param problem what is wrong and what to do
   */
  public ModelFileException(String source, String problem) {
    super(source + ": " + problem);
    this.source = source;
  }

  /**
   * Returns the file (or stream) the model was read from.
   *
   * @return its name
   */
  public String getSource() {
    return source;
  }
}
