package io.itsm.rules.internal;

import io.itsm.rules.RuleCacheOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiled rule sets kept on disk across JVM starts, in a directory the application chooses.
 *
 * <p>A set is stored under a key: the SHA-256 of the cache format, the Java and Drools versions,
 * this library's version (and, for a snapshot, its build time), what the checks on the files
 * depend on (stages, global, trust), and the name and text of every rule file, defaults and team
 * files, in order. The file holds the key again, the length and CRC-32 of the payload (damage
 * detection), and the payload: Drools' own serialization of the compiled packages (with the Java classes of the
 * consequences). A set is stored only after every check on its files passed, so a set read back
 * under the same key needs neither the parse nor the checks again (the files are parsed later,
 * once, if a rule fails and its line is wanted).
 *
 * <p>A stored set is used only when all of this checks out: the file names the same format and
 * key, the payload has the stated length and checksum, it reads back as packages, and those hold
 * exactly the rules of the files. Anything else — a missing, truncated, corrupt or foreign file,
 * a different Drools or library — is not trusted: the caller compiles the DRL and the set is
 * written anew (to a temporary file first, then moved into place, so a reader never sees half a
 * file). A cache that cannot be written is not an error: the engine works as without one.
 *
 * <p>The payload is code: the directory must be as trusted as the rule files themselves (the
 * checksum detects damage, not an attacker who can write there).
 *
 * <p>Stateless and thread-safe; several JVMs may share a directory.
 */
public final class CompiledRulesCache {

  private static final String FORMAT = "itsm-compiled-rules-2";
  private static final String SUFFIX = ".rules";
  private static final String LIBRARY = libraryVersion();

  private final Path directory;

  /**
   * Creates a cache in a directory (created when the first set is stored).
   *
   * @param directory the directory
   */
  public CompiledRulesCache(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Returns the directory.
   *
   * @return the directory
   */
  public Path directory() {
    return directory;
  }

  /** What {@link #load} found: the packages, or why there are none. */
  record Loaded(Collection<KiePackage> packages, RuleCacheOutcome outcome, String reason) {}

  /**
   * The key of a set of files.
   *
   * @param files the files, defaults then team, in order
   * @param checks everything else the checks on the files depend on (stages, global, trust)
   * @return the key, hex
   */
  static String key(List<ParsedDrl> files, String checks) {
    MessageDigest sha = sha256();
    update(sha, FORMAT);
    update(sha, checks);
    update(sha, PrecompiledPacks.environmentOrUnknown());
    update(sha, LIBRARY);
    for (ParsedDrl f : files) {
      update(sha, f.name());
      update(sha, f.text());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The file of a key. */
  Path file(String key) {
    return directory.resolve(key.substring(0, 32) + SUFFIX);
  }

  /**
   * Reads the set of these files, if a verified one is stored.
   *
   * @param files the files, defaults then team, in order
   * @param checks everything else the checks on the files depend on
   * @return the packages (fresh for the caller), or none with the outcome and reason
   */
  Loaded load(List<ParsedDrl> files, String checks) {
    String key = key(files, checks);
    Path file = file(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Loaded(null, RuleCacheOutcome.STORED, "no compiled set stored yet");
    } catch (IOException | RuntimeException e) {
      return new Loaded(null, RuleCacheOutcome.REBUILT, "cannot read " + file + ": " + e);
    }
    String problem;
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (!in.readUTF().equals(FORMAT)) {
        return rebuilt(file, "another format");
      }
      if (!in.readUTF().equals(key)) {
        return rebuilt(file, "written for other rules, library or Drools");
      }
      long length = in.readLong();
      long checksum = in.readLong();
      int start = bytes.length - in.available();
      if (length != in.available()) {
        return rebuilt(file, "payload is " + in.available() + " bytes, expected " + length);
      }
      if (crc32(bytes, start, (int) length) != checksum) {
        return rebuilt(file, "payload digest (CRC-32) does not match (damaged)");
      }
      ClassLoader ours = CompiledRulesCache.class.getClassLoader();
      Object read;
      try (DroolsObjectInputStream data = new DroolsObjectInputStream(
          new ByteArrayInputStream(bytes, start, (int) length), ours)) {
        read = data.readObject();
      }
      if (!(read instanceof List<?> list)) {
        return rebuilt(file, "payload is not a list of packages");
      }
      List<KiePackage> packages = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof KiePackage p)) {
          return rebuilt(file, "payload holds " + (o == null ? "null" : o.getClass().getName()));
        }
        packages.add(p);
      }
      Set<String> expected = ruleNames(files);
      Set<String> found = new TreeSet<>();
      for (KiePackage p : packages) {
        for (Rule r : p.getRules()) {
          found.add(r.getName());
        }
      }
      if (!found.equals(expected)) {
        return rebuilt(file, "holds other rules than the files");
      }
      return new Loaded(packages, RuleCacheOutcome.LOADED, "loaded " + file);
    } catch (Exception | LinkageError e) {
      problem = "cannot be read back: " + e;
    }
    return rebuilt(file, problem);
  }

  private static Loaded rebuilt(Path file, String why) {
    return new Loaded(null, RuleCacheOutcome.REBUILT, file + " not used: " + why);
  }

  /**
   * Stores the packages compiled from these files. Call before the packages are added to a rule
   * base.
   *
   * @param files the files, defaults then team, in order
   * @param checks everything else the checks on the files depended on
   * @param packages the packages compiled from them, after every check passed
   * @return null when stored, else why not
   */
  String store(List<ParsedDrl> files, String checks, Collection<KiePackage> packages) {
    String key = key(files, checks);
    Path file = file(key);
    Path temp = null;
    try {
      ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
      try (DroolsObjectOutputStream data = new DroolsObjectOutputStream(payload)) {
        data.writeObject(new ArrayList<>(packages));
      }
      byte[] bytes = payload.toByteArray();
      Files.createDirectories(directory);
      temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      try (OutputStream os = Files.newOutputStream(temp);
          DataOutputStream out = new DataOutputStream(os)) {
        out.writeUTF(FORMAT);
        out.writeUTF(key);
        out.writeLong(bytes.length);
        out.writeLong(crc32(bytes, 0, bytes.length));
        out.write(bytes);
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      return null;
    } catch (IOException | RuntimeException e) {
      return "cannot write " + file + ": " + e;
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // nothing left to do: a stray temporary file is never read
        }
      }
    }
  }

  private static Set<String> ruleNames(List<ParsedDrl> files) {
    Set<String> names = new TreeSet<>();
    for (ParsedDrl f : files) {
      for (ParsedDrl.NamedLine n : f.ruleLines()) {
        names.add(n.name());
      }
    }
    return names;
  }

  /** This library's version, and its build time for a snapshot (whose code changes). */
  private static String libraryVersion() {
    try (InputStream in = CompiledRulesCache.class.getResourceAsStream(
        "/io/itsm/rules/build.properties")) {
      if (in == null) {
        return "unknown build";
      }
      Properties p = new Properties();
      p.load(in);
      String version = p.getProperty("version", "unknown");
      return version.endsWith("-SNAPSHOT") ? version + " built " + p.getProperty("built") : version;
    } catch (IOException e) {
      return "unknown build";
    }
  }

  private static void update(MessageDigest sha, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) (b.length >>> 24));
    sha.update((byte) (b.length >>> 16));
    sha.update((byte) (b.length >>> 8));
    sha.update((byte) b.length);
    sha.update(b);
  }

  /**
   * The CRC-32 of a payload: it detects damage (a flipped bit, a torn write) in the megabytes of a
   * large set at memory speed even before the JIT compiler has started, where SHA-256 took
   * 0.1–0.3 s for 5 MB; the key, which decides which rules a set holds, stays SHA-256.
   */
  private static long crc32(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
