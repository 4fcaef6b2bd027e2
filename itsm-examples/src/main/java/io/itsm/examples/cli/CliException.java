package io.itsm.examples.cli;

/**
 * A failure the command line reports as {@code itsm: message} on standard error, exiting with
 * {@link #exitCode()}.
 *
 * <p>Immutable.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /**
   * Returns the exit code for this failure.
   *
   * @return one of the {@code ItsmCommand.EXIT_*} codes
   */
  int exitCode() {
    return exitCode;
  }

  /**
   * A file that cannot be read.
   *
   * @param what what the file is, for example {@code "rules file"}
   * @param file the file as given
   * @param e the cause
   * @return the exception, exit code {@link ItsmCommand#EXIT_IO}
   */
  static CliException cannotRead(String what, String file, java.io.IOException e) {
    return new CliException(ItsmCommand.EXIT_IO, "cannot read " + what + " " + file + ": " + describe(e));
  }

  /**
   * A file that cannot be written.
   *
   * @param what what the file is
   * @param file the file as given
   * @param e the cause
   * @return the exception, exit code {@link ItsmCommand#EXIT_IO}
   */
  static CliException cannotWrite(String what, String file, java.io.IOException e) {
    return new CliException(ItsmCommand.EXIT_IO, "cannot write " + what + " " + file + ": " + describe(e));
  }

  static String describe(java.io.IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof java.nio.charset.CharacterCodingException) {
      return "not UTF-8 text";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
