package io.itsm.rules.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * The default packs compiled at build time: compiling DRL (parser, MVEL, the Java compiler for the
 * consequences) is most of a cold start, and reading the compiled packages back is about half as
 * dear. The build runs {@link #main} after compiling this module; it writes one resource per set
 * of default files (Drools' own package serialization, with the Java classes of the consequences).
 *
 * <p>A resource is used only if it was written for exactly these files with exactly this text
 * (the resource holds each file's name and whole text, compared character for character), by
 * this Drools version on this Java version; otherwise, or if reading fails in any way, {@link
 * #load} returns null and the caller compiles the DRL as before. Team rule files are never
 * precompiled. (No digest is taken at start: a message digest, its providers and the digest loop
 * cost more of a cold start than comparing a few kilobytes of text.)
 */
public final class PrecompiledPacks {

  private static final String FORMAT = "itsm-precompiled-packs-2";
  private static final String FOLDER = "io/itsm/rules/precompiled/";

  private PrecompiledPacks() {}

  /**
   * Returns the precompiled packages of exactly these default files, or null.
   *
   * @param defaults the default files, in order
   * @return the packages, fresh for the caller, or null if none fit
   */
  static Collection<KiePackage> load(List<RuleSource> defaults) {
    if (defaults.isEmpty()) {
      return null;
    }
    ClassLoader ours = PrecompiledPacks.class.getClassLoader();
    try (InputStream in = ours.getResourceAsStream(resource(defaults))) {
      if (in == null) {
        return null;
      }
      DroolsObjectInputStream data = new DroolsObjectInputStream(new BufferedInputStream(in), ours);
      if (!data.readUTF().equals(FORMAT) || !data.readUTF().equals(environment())) {
        return null;
      }
      if (!data.readObject().equals(texts(defaults))) {
        return null;
      }
      @SuppressWarnings("unchecked")
      Collection<KiePackage> packages = (Collection<KiePackage>) data.readObject();
      return packages;
    } catch (Exception | LinkageError e) {
      return null; // compile instead
    }
  }

  /**
   * Compiles sets of default files into {@code <output dir>/io/itsm/rules/precompiled/}; run by
   * the build after this module's classes are compiled.
   *
   * @param args the output directory, then one argument per set: resource paths separated by
   *     commas, in the order the engine adds them
   * @throws Exception if a set does not compile or the file cannot be written
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    ClassLoader ours = PrecompiledPacks.class.getClassLoader();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ours);
    try {
      // the folder is this method's alone: resources of sets or formats no longer built go
      Path folder = out.resolve(FOLDER);
      if (Files.isDirectory(folder)) {
        try (java.util.stream.Stream<Path> old = Files.list(folder)) {
          for (Path f : (Iterable<Path>) old::iterator) {
            if (f.getFileName().toString().endsWith(".ser")) {
              Files.delete(f);
            }
          }
        }
      }
      java.util.Map<String, String> written = new java.util.HashMap<>();
      for (int i = 1; i < args.length; i++) {
        List<RuleSource> sources = new ArrayList<>();
        for (String name : args[i].split(",")) {
          sources.add(RuleSource.classpath(name.strip(), ours));
        }
        List<ParsedDrl> files = new ArrayList<>();
        for (RuleSource s : sources) {
          files.add(ParsedDrl.unparsed(s));
        }
        String clash = written.putIfAbsent(resource(sources), args[i]);
        if (clash != null) {
          throw new IllegalStateException("the sets " + clash + " and " + args[i]
              + " would share the resource " + resource(sources));
        }
        Collection<KiePackage> packages = DroolsRules.compilePackages(files);
        Path file = out.resolve(resource(sources));
        Files.createDirectories(file.getParent());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file));
            DroolsObjectOutputStream data = new DroolsObjectOutputStream(os)) {
          data.writeUTF(FORMAT);
          data.writeUTF(environment());
          data.writeObject(texts(sources));
          data.writeObject(new ArrayList<>(packages));
        }
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * The resource of a set of files: named after the files' names (a hash of them, which the
   * build checks is unique among the sets it writes; the resource itself holds the names).
   */
  private static String resource(List<RuleSource> sources) {
    StringBuilder names = new StringBuilder();
    for (RuleSource s : sources) {
      names.append(s.name()).append('\n');
    }
    return new StringBuilder(FOLDER).append(Integer.toHexString(names.toString().hashCode()))
        .append(".ser").toString();
  }

  /** Each file's name and whole text, in order: what a resource was written for. */
  private static ArrayList<String> texts(List<RuleSource> sources) {
    ArrayList<String> result = new ArrayList<>(sources.size() * 2);
    for (RuleSource s : sources) {
      result.add(s.name());
      result.add(s.read());
    }
    return result;
  }

  /**
   * {@link #environment()}, or a text naming what could not be found (never equal to a real one).
   *
   * @return the Drools and Java versions
   */
  static String environmentOrUnknown() {
    try {
      return environment();
    } catch (IOException e) {
      return "unknown environment: " + e.getMessage();
    }
  }

  /** The Drools and Java versions: compiled packages and classes are only read by the same. */
  private static String environment() throws IOException {
    StringBuilder env = new StringBuilder("java ")
        .append(System.getProperty("java.specification.version"));
    ClassLoader drools = DroolsObjectInputStream.class.getClassLoader();
    for (String artifact : List.of("drools-core", "drools-mvel", "drools-compiler")) {
      try (InputStream in = drools.getResourceAsStream(
          "META-INF/maven/org.drools/".concat(artifact).concat("/pom.properties"))) {
        if (in == null) {
          throw new IOException("no version of " + artifact);
        }
        Properties p = new Properties();
        p.load(in);
        env.append(' ').append(artifact).append(' ').append(p.getProperty("version"));
      }
    }
    return env.toString();
  }
}
