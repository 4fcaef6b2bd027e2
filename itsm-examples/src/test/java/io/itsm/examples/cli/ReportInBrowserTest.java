package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.examples.bench.ServiceNowExport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code itsm report} checked in a real browser: an import of a ServiceNow-style export, the report
 * written by the command line, rendered by headless Chromium; the page must report no script
 * error, draw all its charts, and its screenshot must show them.
 */
class ReportInBrowserTest {

  @TempDir Path dir;

  @Test
  void report_rendersInHeadlessChromium_withoutErrors_andDrawsEveryChart() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find();
    Path csv = dir.resolve("export.csv");
    ServiceNowExport.write(csv, 400, 3);
    Path store = dir.resolve("h.jsonl");
    assertThat(Cli.run("import", "--format", "servicenow-events", "--input", csv.toString(),
        "--store", store.toString()).exitCode()).isZero();
    Path html = dir.resolve("report.html");
    Cli r = Cli.run("report", "--store", store.toString(), "--from", "2016-02-01", "--to",
        "2016-05-01", "--html", html.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("6 charts");
    assertThat(Files.readString(html)).contains("this store keeps no surveys");
    checkInChromium(chromium, html, 6, "volume", "sla", "mttr", "backlogAge", "backlogOverTime",
        "rates");
  }

  @Test
  void report_ofADatabaseStoreWithSurveys_drawsTheCsatChartToo() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find();
    String url = "jdbc:h2:" + dir.resolve("desk").toAbsolutePath();
    Cli demo = Cli.run("demo", "--store", url);
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    Path html = dir.resolve("report.html");
    Cli r = Cli.run("report", "--store", url, "--from", "2026-03-01", "--to", "2026-04-01",
        "--html", html.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(HtmlReport.CHARTS + " charts");
    assertThat(Files.readString(html)).contains("Customer satisfaction per day", ">CSAT<",
        "survey response rate", "resolved with an article", "preventive actions overdue");
    checkInChromium(chromium, html, HtmlReport.CHARTS, "volume", "sla", "mttr", "backlogAge",
        "backlogOverTime", "rates", "csat");
  }

  private void checkInChromium(HeadlessChromium chromium, Path html, int charts, String... ids)
      throws Exception {
    String dom = chromium.dumpDom(html, dir);
    Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
    assertThat(body.find()).as("a body in the DOM").isTrue();
    assertThat(body.group(1)).contains("data-errors=\"[]\"")
        .contains("data-charts=\"" + charts + "\"");
    Matcher canvas = Pattern.compile("<canvas id=\"(\\w+)\"[^>]*data-drawn=\"(\\w+)\"").matcher(dom);
    Set<String> drawn = new HashSet<>();
    while (canvas.find()) {
      assertThat(canvas.group(2)).as("chart %s drew", canvas.group(1)).isEqualTo("yes");
      drawn.add(canvas.group(1));
    }
    assertThat(drawn).containsExactlyInAnyOrder(ids);

    Path png = chromium.screenshot(html, dir.resolve("report.png"), dir);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    Set<Integer> colours = new HashSet<>();
    long ink = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) {
          ink++;
        }
      }
    }
    // the charts' palette and anti-aliasing give hundreds of colours; a blank page has one
    assertThat(colours.size()).isGreaterThan(100);
    assertThat(ink).isGreaterThan(img.getWidth() * (long) img.getHeight() / 4 / 20);
  }

  @Test
  void thePage_isSelfContained_noNetworkNeeded() throws Exception {
    Path csv = dir.resolve("export.csv");
    ServiceNowExport.write(csv, 50, 5);
    Path store = dir.resolve("h.jsonl");
    Cli.run("import", "--format", "servicenow-events", "--input", csv.toString(), "--store", store.toString());
    Path html = dir.resolve("report.html");
    Cli.run("report", "--store", store.toString(), "--to", "2016-04-01", "--html", html.toString());
    String page = Files.readString(html);
    assertThat(page).contains("Chart.js v" + HtmlReport.CHART_JS_VERSION, "MIT License")
        .doesNotContain("src=\"http", "href=\"http");
  }
}
