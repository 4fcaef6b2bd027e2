package io.itsm.rules.internal;

import io.itsm.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where a rule file comes from: a file (read at each compile, so a reload sees edits), a classpath
 * resource or a string. Immutable.
 *
 * @param name the name used in error messages (file path, resource path or the given name)
 * @param path the file, or null
 * @param resource the classpath resource, or null
 * @param text the DRL text, or null
 * @param loader the class loader of the resource, or null
 */
public record RuleSource(
    String name, Path path, String resource, String text, ClassLoader loader) {

  /** Validates the components. */
  public RuleSource {
    Objects.requireNonNull(name, "name");
  }

  /**
   * A rule file on disk.
   *
   * @param path the file
   * @return the source
   */
  public static RuleSource file(Path path) {
    return new RuleSource(path.toString(), path, null, null, null);
  }

  /**
   * Every {@code *.drl} file of a directory (not its subdirectories), in name order, listed now.
   *
   * @param dir the directory
   * @return the sources
   * @throws ValidationException if the directory cannot be listed
   */
  public static List<RuleSource> directory(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
          .sorted()
          .map(RuleSource::file)
          .toList();
    } catch (IOException e) {
      throw new ValidationException(
          "rules directory " + dir + " must be a readable directory, but: " + e);
    } catch (UncheckedIOException e) {
      throw new ValidationException(
          "rules directory " + dir + " must be a readable directory, but: " + e.getCause());
    }
  }

  /**
   * A classpath resource.
   *
   * @param resource the resource path, without leading slash
   * @param loader the loader
   * @return the source
   */
  public static RuleSource classpath(String resource, ClassLoader loader) {
    String r = resource.startsWith("/") ? resource.substring(1) : resource;
    return new RuleSource(r, null, r, null, loader);
  }

  /**
   * DRL text.
   *
   * @param name the name for messages
   * @param text the DRL
   * @return the source
   */
  public static RuleSource text(String name, String text) {
    return new RuleSource(name, null, null, text, null);
  }

  /**
   * Reads the DRL.
   *
   * @return the text
   * @throws ValidationException if the file or resource cannot be read
   */
  public String read() {
    if (text != null) {
      return text;
    }
    if (path != null) {
      try {
        return Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ValidationException("rule file " + path + " must be readable, but: " + e);
      }
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ValidationException(
            "rule resource " + resource + " must be on the classpath, but was not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
