package io.itsm.core.announcement;

/**
 * Hears every announcement event {@link Announcements} stores, after the command was stored:
 * {@code Notifications.announcementListener()} tells users through it. Each listener hears one
 * announcement's events in order, the events of one command together, on the thread that ran the
 * command (or of an earlier command still delivering); the command returns after they were heard.
 * A listener may run commands itself: their events are delivered after it returns. An exception is
 * logged and does not undo the command. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AnnouncementListener {

  /**
   * Called for each stored event.
   *
   * @param event the event
   * @param announcement the announcement after the whole command
   */
  void onEvent(AnnouncementEvent event, Announcement announcement);
}
