package io.itsm.core.json;

import static io.itsm.core.json.PracticeGoldenValues.announcementEvents;
import static io.itsm.core.json.PracticeGoldenValues.changeEvents;
import static io.itsm.core.json.PracticeGoldenValues.changes;
import static io.itsm.core.json.PracticeGoldenValues.ciEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.cmdb.AffectedCi;
import io.itsm.core.cmdb.ChangeEvent;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationStatus;
import io.itsm.core.notification.NotificationTemplates;
import io.itsm.core.notification.Recipient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The format of the CMDB, change requests, announcements and notifications, pinned by files as
 * {@link GoldenJsonTest} pins the incidents': every file under {@code golden-practices/} (test
 * resources of this package: {@code cmdb/}, {@code changes/}, {@code announcements/}, {@code
 * notifications/}) was written
 * once and is never regenerated; each must read as the value of {@link PracticeGoldenValues} and
 * write back byte for byte. Names ending {@code .pretty.json} are indented.
 */
class PracticeGoldenJsonTest {

  private static final String ROOT = "golden-practices/";
  private static final List<String> DIRECTORIES =
      List.of("cmdb", "changes", "announcements", "notifications");

  private static final ItsmJson COMPACT = ItsmJson.defaults();
  private static final ItsmJson PRETTY = ItsmJson.defaults().withPrettyPrinting(true);

  /** Every golden file of the practices (path under golden/) and the value it holds. */
  static Map<String, Object> expected() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cmdb/definition.json", PracticeGoldenValues.database());
    m.put("cmdb/definition-minimal.json", PracticeGoldenValues.minimalDefinition());
    m.put("cmdb/item.json", PracticeGoldenValues.item());
    m.put("cmdb/item.pretty.json", PracticeGoldenValues.item());
    m.put("cmdb/item-retired.json", PracticeGoldenValues.retiredItem());
    ciEvents().forEach((name, e) -> m.put("cmdb/events/" + name, e));
    m.put("cmdb/export.json", PracticeGoldenValues.export());
    m.put("cmdb/export.pretty.json", PracticeGoldenValues.export());
    m.put("cmdb/impact.pretty.json", PracticeGoldenValues.impact());
    m.put("cmdb/impact-of-nothing.json", PracticeGoldenValues.impactOfNothing());
    m.put("changes/plan.json", PracticeGoldenValues.plan());
    m.put("changes/plan-minimal.json", PracticeGoldenValues.minimalPlan());
    changes().forEach((name, c) -> m.put("changes/" + name, c));
    changeEvents().forEach((name, e) -> m.put("changes/events/" + name, e));
    m.put("announcements/content.json", PracticeGoldenValues.content());
    m.put("announcements/content-minimal.json",
        PracticeGoldenValues.minimalContent(AnnouncementKind.PLANNED_OUTAGE));
    m.put("announcements/archived.json", PracticeGoldenValues.archived());
    m.put("announcements/archived.pretty.json", PracticeGoldenValues.archived());
    m.put("announcements/every-status.pretty.json", PracticeGoldenValues.everyStatus());
    m.put("announcements/empty-list.json", List.<Announcement>of());
    announcementEvents().forEach((name, e) -> m.put("announcements/events/" + name, e));
    m.put("notifications/failed-after-two-attempts.json", PracticeGoldenValues.notification());
    m.put("notifications/delivered.json", PracticeGoldenValues.delivered());
    m.put("notifications/pending-digest.json", PracticeGoldenValues.pendingDigest());
    m.put("notifications/templates.pretty.json", PracticeGoldenValues.templates());
    m.put("notifications/recipients.pretty.json", PracticeGoldenValues.recipients());
    return m;
  }

  private static ItsmJson writerFor(String name) {
    return name.endsWith(".pretty.json") ? PRETTY : COMPACT;
  }

  static Object read(String name, String text) {
    ItsmJson json = writerFor(name);
    if (name.startsWith("cmdb/events/")) {
      return json.cmdb().readEvent(text);
    }
    if (name.startsWith("changes/events/")) {
      return json.cmdb().readChangeEvent(text);
    }
    if (name.startsWith("announcements/events/")) {
      return json.announcements().readEvent(text);
    }
    String file = name.substring(name.lastIndexOf('/') + 1);
    if (name.startsWith("cmdb/")) {
      return file.startsWith("definition") ? json.cmdb().readDefinition(text)
          : file.startsWith("item") ? json.cmdb().readItem(text)
          : file.startsWith("export") ? json.cmdb().readExport(text)
          : json.cmdb().readImpact(text);
    }
    if (name.startsWith("changes/")) {
      return file.startsWith("plan") ? json.cmdb().readPlan(text) : json.cmdb().readChange(text);
    }
    if (name.startsWith("announcements/")) {
      return file.startsWith("content") ? json.announcements().readContent(text)
          : file.startsWith("archived") ? json.announcements().readAnnouncement(text)
          : json.announcements().readList(text);
    }
    return file.startsWith("templates") ? json.notifications().readTemplates(text)
        : file.startsWith("recipients") ? json.notifications().readRecipients(text)
        : json.notifications().readNotification(text);
  }

  @SuppressWarnings("unchecked")
  static String write(String name, Object value) {
    ItsmJson json = writerFor(name);
    if (value instanceof CiDefinition d) {
      return json.cmdb().writeDefinition(d);
    } else if (value instanceof ConfigurationItem c) {
      return json.cmdb().writeItem(c);
    } else if (value instanceof CiEvent e) {
      return json.cmdb().writeEvent(e);
    } else if (value instanceof CmdbExport x) {
      return json.cmdb().writeExport(x);
    } else if (value instanceof ImpactAnalysis a) {
      return json.cmdb().writeImpact(a);
    } else if (value instanceof ChangePlan p) {
      return json.cmdb().writePlan(p);
    } else if (value instanceof ChangeRequest c) {
      return json.cmdb().writeChange(c);
    } else if (value instanceof ChangeEvent e) {
      return json.cmdb().writeChangeEvent(e);
    } else if (value instanceof AnnouncementContent c) {
      return json.announcements().writeContent(c);
    } else if (value instanceof Announcement a) {
      return json.announcements().writeAnnouncement(a);
    } else if (value instanceof AnnouncementEvent e) {
      return json.announcements().writeEvent(e);
    } else if (value instanceof Notification n) {
      return json.notifications().writeNotification(n);
    } else if (value instanceof NotificationTemplates t) {
      return json.notifications().writeTemplates(t);
    } else if (value instanceof List<?> l && name.startsWith("announcements/")) {
      return json.announcements().writeList((List<Announcement>) l);
    } else if (value instanceof List<?> l) {
      return json.notifications().writeRecipients((List<Recipient>) l);
    }
    throw new IllegalArgumentException("no writer for " + name);
  }

  private static byte[] resource(String name) {
    try (InputStream in = PracticeGoldenJsonTest.class.getResourceAsStream(ROOT + name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenFile_readsAsTheExpectedValue_andWritesBackByteIdentical() {
    return expected().entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
          byte[] bytes = resource(e.getKey());
          String text = new String(bytes, StandardCharsets.UTF_8);

          Object read = read(e.getKey(), text);

          if (read instanceof NotificationTemplates t) {
            NotificationTemplates want = (NotificationTemplates) e.getValue();
            assertThat(t.all()).isEqualTo(want.all());
            assertThat(t.languages()).isEqualTo(want.languages());
            assertThat(t.defaultLanguage()).isEqualTo(want.defaultLanguage());
          } else {
            assertThat(read).isEqualTo(e.getValue());
          }
          assertThat(write(e.getKey(), read).getBytes(StandardCharsets.UTF_8))
              .as("%s written back", e.getKey())
              .isEqualTo(bytes);
        }));
  }

  @Test
  void everyFileInThePracticeDirectories_hasAnExpectedValue() throws IOException, URISyntaxException {
    URL url = PracticeGoldenJsonTest.class.getResource(ROOT);
    assertThat(url).isNotNull();
    Path root = Paths.get(url.toURI());
    Set<String> files = new TreeSet<>();
    for (String dir : DIRECTORIES) {
      try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
        walk.filter(Files::isRegularFile)
            .map(p -> root.relativize(p).toString().replace('\\', '/'))
            .forEach(files::add);
      }
    }

    assertThat(files).isEqualTo(new TreeSet<>(expected().keySet()));
  }

  @Test
  void goldenFiles_coverEveryEventTypeAndEveryEnumValue() {
    assertThat(types(ciEvents().values())).containsExactlyInAnyOrder(CiEvent.class.getPermittedSubclasses());
    assertThat(types(changeEvents().values()))
        .containsExactlyInAnyOrder(ChangeEvent.class.getPermittedSubclasses());
    assertThat(types(announcementEvents().values()))
        .containsExactlyInAnyOrder(AnnouncementEvent.class.getPermittedSubclasses());

    ImpactAnalysis impact = PracticeGoldenValues.impact();
    assertThat(impact.affected().stream().map(AffectedCi::type)).containsExactlyInAnyOrder(CiType.values());
    assertThat(impact.affected().stream().map(AffectedCi::criticality).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Criticality.values());
    assertThat(PracticeGoldenValues.item().relations().stream().map(Relation::type)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(RelationType.class)))
        .size() + 1)
        .as("every relation type but DEPENDS_ON in the item, DEPENDS_ON in the export")
        .isEqualTo(RelationType.values().length);
    List<Announcement> all = PracticeGoldenValues.everyStatus();
    assertThat(all.stream().map(Announcement::status)).containsExactlyInAnyOrder(AnnouncementStatus.values());
    assertThat(all.stream().map(a -> a.content().kind()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(AnnouncementKind.values());
    assertThat(PracticeGoldenValues.content().channels()).containsExactlyInAnyOrder(DeliveryChannel.values());
    assertThat(Stream.of(PracticeGoldenValues.notification(), PracticeGoldenValues.delivered(),
            PracticeGoldenValues.pendingDigest()).map(Notification::status))
        .containsExactlyInAnyOrder(NotificationStatus.values());
  }

  private static Set<Class<?>> types(java.util.Collection<?> events) {
    Set<Class<?>> out = new LinkedHashSet<>();
    events.forEach(e -> out.add(e.getClass()));
    return out;
  }
}
