package io.itsm.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.Metric;
import io.itsm.importer.ColumnMapping;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/metrics.md defines every metric and dimension the code has; docs/import.md every field. */
class MetricsDocTest {

  @Test
  void metricsDoc_definesEveryMetric_andEveryDimension() throws IOException {
    String doc = Files.readString(DocSnippetsTest.ROOT.resolve("docs").resolve("metrics.md"));
    for (Metric m : Metric.values()) {
      assertThat(doc).as("docs/metrics.md defines %s", m).contains("| `" + m.id() + "` |");
    }
    for (Dimension d : Dimension.values()) {
      assertThat(doc).as("docs/metrics.md explains dimension %s", d).contains("`" + d.id() + "`");
    }
  }

  @Test
  void importDoc_namesEveryMappingField() throws IOException {
    String doc = Files.readString(DocSnippetsTest.ROOT.resolve("docs").resolve("import.md"));
    for (ColumnMapping.Field f : ColumnMapping.Field.values()) {
      assertThat(doc).as("docs/import.md names field %s", f).contains("`" + f.key() + "`");
    }
    for (ColumnMapping.SourceState s : ColumnMapping.SourceState.values()) {
      assertThat(doc).as("docs/import.md names state %s", s).contains(s.name());
    }
  }
}
