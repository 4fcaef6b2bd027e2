package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's headless Chromium on a page: its DOM after the scripts ran, and a screenshot.
 *
 * <p>Where Chromium comes from: {@code ITSM_CHROMIUM} (a path), else {@code /usr/bin/chromium}
 * (Debian's package {@code chromium}, which {@code .ci/run} installs). When it is missing the test
 * <b>fails</b> saying how to install it; it is skipped only when told so explicitly with {@code
 * -Ditsm.skipBrowserTests=true} (then JUnit reports it as skipped, never as passed).
 */
final class HeadlessChromium {

  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  static HeadlessChromium find() {
    Assumptions.assumeFalse(Boolean.getBoolean("itsm.skipBrowserTests"),
        "browser tests skipped by -Ditsm.skipBrowserTests=true");
    String env = System.getenv("ITSM_CHROMIUM");
    Path p = Path.of(env != null && !env.isBlank() ? env : "/usr/bin/chromium");
    if (!Files.isExecutable(p)) {
      fail("headless Chromium is needed to check the HTML report in a real browser, but " + p
          + " is not there. Install it with 'apt-get install chromium' (Debian; .ci/run does"
          + " this), or point ITSM_CHROMIUM at a Chromium binary; to skip this test on purpose,"
          + " run Maven with -Ditsm.skipBrowserTests=true");
    }
    return new HeadlessChromium(p);
  }

  private List<String> command(Path profile) {
    // the flags known to work on this machine kind: no sandbox as root, no GPU, and no background
    // networking (the machine has no network; Chromium would keep trying)
    return new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--virtual-time-budget=10000", "--window-size=1280,2900"));
  }

  /** The page's DOM after its scripts ran. */
  String dumpDom(Path page, Path work) throws IOException, InterruptedException {
    List<String> cmd = command(Files.createTempDirectory(work, "profile"));
    cmd.add("--dump-dom");
    cmd.add(page.toUri().toString());
    return run(cmd, work);
  }

  /** A PNG screenshot of the page. */
  Path screenshot(Path page, Path png, Path work) throws IOException, InterruptedException {
    List<String> cmd = command(Files.createTempDirectory(work, "profile"));
    cmd.add("--screenshot=" + png);
    cmd.add(page.toUri().toString());
    run(cmd, work);
    return png;
  }

  private static String run(List<String> cmd, Path work) throws IOException, InterruptedException {
    Path out = Files.createTempFile(work, "chromium", ".out");
    Path err = Files.createTempFile(work, "chromium", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("Chromium did not finish within 90 s: " + cmd + "\n" + Files.readString(err));
    }
    if (p.exitValue() != 0) {
      fail("Chromium exited with " + p.exitValue() + ": " + cmd + "\n" + Files.readString(err));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
