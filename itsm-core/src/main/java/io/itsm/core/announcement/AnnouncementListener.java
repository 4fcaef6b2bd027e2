package io.itsm.core.announcement;

/**
 * Hears every announcement event {@link Announcements} stores, after the command was stored, in
 * order, on the thread that ran the command: {@code Notifications.announcementListener()} tells
 * users through it. An exception is logged and does not undo the command. Implementations must be
 * thread-safe.
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
