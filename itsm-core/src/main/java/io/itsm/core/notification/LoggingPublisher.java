package io.itsm.core.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Publisher}: logs each message at INFO (logger {@code
 * io.itsm.core.notification.LoggingPublisher}) instead of sending it.
 *
 * <p>Stateless and thread-safe.
 */
public final class LoggingPublisher implements Publisher {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingPublisher.class);

  /** Creates the publisher. */
  public LoggingPublisher() {}

  @Override
  public void publish(Message m) {
    LOG.info("{} to {} <{}> [{}]: {}", m.channel(), m.recipientId(), m.address(), m.language(), m.subject());
  }
}
