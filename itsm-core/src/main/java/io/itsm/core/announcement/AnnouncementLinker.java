package io.itsm.core.announcement;

import io.itsm.core.IncidentListener;
import io.itsm.core.ItsmException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links incoming tickets to the announcements that explain them: a listener of the {@link
 * ServiceDesk} that, when an incident is logged while an announcement is active for its service or
 * configuration item ({@link Announcements#activeFor}), links the incident to the announcement
 * ({@code RELATED}, target the announcement's id), records the incident on the announcement, and,
 * when the announcement names a major incident, links the incident to it as its {@code PARENT}.
 *
 * <pre>{@code
 * AtomicReference<ServiceDesk> deskRef = new AtomicReference<>();
 * ServiceDesk desk = ServiceDesk.builder()
 *     .listener(new AnnouncementLinker(announcements, deskRef::get))
 *     .build();
 * deskRef.set(desk);
 * }</pre>
 *
 * <p>The links are desk commands run by {@code "system"} from the listener, after the logging
 * command was stored; a failure is logged and leaves the logged incident as it is. Thread-safe.
 */
public final class AnnouncementLinker implements IncidentListener {

  private static final Logger LOG = LoggerFactory.getLogger(AnnouncementLinker.class);

  private final Announcements announcements;
  private final Supplier<ServiceDesk> desk;

  /**
   * Creates the linker.
   *
   * @param announcements where active announcements come from
   * @param desk the desk to link incidents in (supplied late: the desk is built with this listener)
   */
  public AnnouncementLinker(Announcements announcements, Supplier<ServiceDesk> desk) {
    this.announcements = Objects.requireNonNull(announcements, "announcements");
    this.desk = Objects.requireNonNull(desk, "desk");
  }

  @Override
  public void onEvent(IncidentEvent event, Incident incident) {
    if (!(event instanceof IncidentLogged logged)) {
      return;
    }
    List<Announcement> matching = announcements.activeFor(logged.ticket().service().orElse(null),
        logged.ticket().configurationItem().orElse(null), logged.at());
    if (matching.isEmpty()) {
      return;
    }
    ServiceDesk d = desk.get();
    if (d == null) {
      throw new IllegalStateException("AnnouncementLinker has no desk yet: supply the ServiceDesk it"
          + " listens to (set the reference after building the desk)");
    }
    Actor system = Actor.system();
    for (Announcement a : matching) {
      try {
        d.link(system, incident.id(), new Link(LinkType.RELATED, a.id()));
        announcements.linkIncident(a.id(), incident.id());
        String major = a.content().majorIncidentId().orElse(null);
        if (major != null && !major.equals(incident.id())) {
          d.link(system, incident.id(), new Link(LinkType.PARENT, major));
        }
      } catch (ItsmException e) {
        LOG.warn("could not link incident {} to announcement {}: {}", incident.id(), a.id(),
            e.getMessage());
      }
    }
  }
}
