package io.itsm.jdbc.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The unprivileged user PostgreSQL runs as when this JVM runs as root, and how to start a
 * process as that user ({@code setpriv}, else {@code runuser}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the user name
 * @param uid its user id
 * @param gid its primary group id
 */
record RunAs(String name, int uid, int gid) {

  /** The user to run as, or empty when this process does not run as root. */
  static Optional<RunAs> forCurrentProcess() throws IOException {
    if (!isRoot()) {
      return Optional.empty();
    }
    String name = System.getProperty(PostgresTestServer.RUN_AS_PROPERTY,
        PostgresTestServer.DEFAULT_RUN_AS_USER);
    for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
      String[] f = line.split(":", -1);
      if (f.length >= 4 && f[0].equals(name)) {
        int uid = Integer.parseInt(f[2]);
        if (uid == 0) {
          throw new IOException("-D" + PostgresTestServer.RUN_AS_PROPERTY + "=" + name
              + " names a user with uid 0; PostgreSQL refuses to run as root: name an"
              + " unprivileged user");
        }
        return Optional.of(new RunAs(name, uid, Integer.parseInt(f[3])));
      }
    }
    throw new IOException("this JVM runs as root and PostgreSQL refuses to run as root, so the test"
        + " server runs as an unprivileged user, but user '" + name + "' is not in /etc/passwd;"
        + " create it (useradd --system " + name + ") or name another with -D"
        + PostgresTestServer.RUN_AS_PROPERTY + "=USER");
  }

  private static boolean isRoot() throws IOException {
    Path self = Path.of("/proc/self");
    if (Files.exists(self)) {
      return ((Integer) Files.getAttribute(self, "unix:uid")) == 0;
    }
    return "root".equals(System.getProperty("user.name"));
  }

  /** Gives a directory to this user. */
  void own(Path dir) throws IOException {
    Files.setAttribute(dir, "unix:uid", uid);
    Files.setAttribute(dir, "unix:gid", gid);
  }

  /** The command, run as this user. */
  List<String> wrap(List<String> command) {
    List<String> out = new ArrayList<>();
    if (onPath("setpriv")) {
      out.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
    } else if (onPath("runuser")) {
      out.addAll(List.of("runuser", "-u", name, "--"));
    } else {
      throw new IllegalStateException("this JVM runs as root and PostgreSQL must run as '" + name
          + "', but neither setpriv nor runuser (util-linux) is on the PATH; install util-linux");
    }
    out.addAll(command);
    return out;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
