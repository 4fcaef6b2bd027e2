package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the Kafka rows find a broker's class path, and what they say when there is none. */
class KafkaBenchTest {

  @TempDir Path dir;

  /** A class loader that sees neither the broker nor anything else of ours. */
  private static final ClassLoader BARE = new URLClassLoader(new URL[0], null);

  @Test
  void brokerClassPath_whenTheBrokerIsOnTheClassPath_isThatClassPath() {
    KafkaBench.Either cp = KafkaBench.brokerClassPath(KafkaBenchTest.class.getClassLoader(),
        dir.resolve("itsm.jar"), "own.jar");

    assertThat(cp.skipped()).isNull();
    assertThat(cp.classPath()).isEqualTo("own.jar");
  }

  @Test
  void brokerClassPath_withBenchLibBesideTheJar_isItsJarsThenTheOwnClassPath() throws Exception {
    Path lib = Files.createDirectory(dir.resolve(KafkaBench.BENCH_LIB));
    Files.createFile(lib.resolve("kafka_2.13-4.4.0.jar"));
    Files.createFile(lib.resolve("itsm-kafka-testkit-0.1.0-SNAPSHOT.jar"));
    Files.createFile(lib.resolve("notes.txt"));

    KafkaBench.Either cp = KafkaBench.brokerClassPath(BARE, dir.resolve("itsm.jar"), "itsm.jar");

    assertThat(cp.skipped()).isNull();
    assertThat(cp.classPath()).isEqualTo(String.join(File.pathSeparator,
        lib.resolve("itsm-kafka-testkit-0.1.0-SNAPSHOT.jar").toString(),
        lib.resolve("kafka_2.13-4.4.0.jar").toString(), "itsm.jar"));
  }

  @Test
  void brokerClassPath_withoutBrokerOrBenchLib_saysWhyAndHowToGetOne() throws Exception {
    KafkaBench.Either none = KafkaBench.brokerClassPath(BARE, dir.resolve("itsm.jar"), "itsm.jar");
    Files.createDirectory(dir.resolve(KafkaBench.BENCH_LIB));
    KafkaBench.Either empty = KafkaBench.brokerClassPath(BARE, dir.resolve("itsm.jar"), "itsm.jar");

    for (KafkaBench.Either e : new KafkaBench.Either[] {none, empty}) {
      assertThat(e.classPath()).isNull();
      assertThat(e.skipped()).contains(dir.resolve(KafkaBench.BENCH_LIB).toString())
          .contains("itsm-kafka-testkit").contains("mvn -B -pl itsm-examples -am package")
          .contains("--kafka-bootstrap HOST:PORT");
    }
  }
}
