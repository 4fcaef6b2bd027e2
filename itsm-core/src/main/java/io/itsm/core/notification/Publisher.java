package io.itsm.core.notification;

/**
 * Delivers messages: the application's bridge to e-mail, chat, SMS, push or its portal. {@link
 * Notifications} calls it on its delivery worker, never on the thread of the command that caused
 * the message; a message that throws is retried with back-off ({@link RetryPolicy}) and every
 * attempt is recorded. {@link LoggingPublisher} is the default.
 *
 * <p>Implementations must be thread-safe; they may block (a slow mail server delays only the
 * worker).
 */
@FunctionalInterface
public interface Publisher {

  /**
   * Delivers one message.
   *
   * @param message the message
   * @throws Exception if it could not be delivered; it will be tried again
   */
  void publish(Message message) throws Exception;
}
