package io.itsm.core.notification.internal;

import io.itsm.core.notification.DeliveryAttempt;
import io.itsm.core.notification.DeliveryTiming;
import io.itsm.core.notification.Message;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationRepository;
import io.itsm.core.notification.NotificationStatus;
import io.itsm.core.notification.NotificationTemplates;
import io.itsm.core.notification.Publisher;
import io.itsm.core.notification.Recipient;
import io.itsm.core.notification.RecipientDirectory;
import io.itsm.core.notification.RetryPolicy;
import io.itsm.core.notification.TemplateText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery side of notifications: publishes what is due (digests as one message per recipient
 * and channel), records every attempt, schedules retries with back-off, and runs the worker thread.
 *
 * <p>Thread-safe: one delivery run at a time.
 */
public final class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
  private static final int BATCH = 500;

  private final Clock clock;
  private final NotificationRepository repository;
  private final Publisher publisher;
  private final RetryPolicy retry;
  private final NotificationTemplates templates;
  private final RecipientDirectory recipients;
  private final Object delivering = new Object();
  private final Object signal = new Object();
  private volatile Thread worker;
  private volatile boolean closed;

  /**
   * Creates the delivery.
   *
   * @param clock the clock
   * @param repository where notifications are
   * @param publisher who delivers messages
   * @param retry the back-off
   * @param templates for the digest message
   * @param recipients for the digest's greeting
   */
  public Delivery(Clock clock, NotificationRepository repository, Publisher publisher, RetryPolicy retry,
      NotificationTemplates templates, RecipientDirectory recipients) {
    this.clock = clock;
    this.repository = repository;
    this.publisher = publisher;
    this.retry = retry;
    this.templates = templates;
    this.recipients = recipients;
  }

  /**
   * Delivers every notification due at an instant.
   *
   * @param now the instant
   * @return the number of messages delivered
   */
  public int deliverDue(Instant now) {
    synchronized (delivering) {
      int delivered = 0;
      List<Notification> due;
      Set<String> seen = new LinkedHashSet<>();
      while (!(due = repository.due(now, BATCH)).isEmpty()
          && seen.addAll(due.stream().map(Notification::id).toList())) {
        Map<String, List<Notification>> digests = new LinkedHashMap<>();
        for (Notification n : due) {
          if (n.timing() == DeliveryTiming.DIGEST) {
            digests.computeIfAbsent(n.recipientId() + "/" + n.channel() + "/" + n.address(),
                k -> new ArrayList<>()).add(n);
          } else {
            Message m = new Message(n.id(), n.channel(), n.address(), n.recipientId(), n.language(),
                n.subject(), n.body(), List.of(n.id()));
            delivered += attempt(m, List.of(n), now) ? 1 : 0;
          }
        }
        for (List<Notification> group : digests.values()) {
          delivered += attempt(digest(group), group, now) ? 1 : 0;
        }
      }
      return delivered;
    }
  }

  private Message digest(List<Notification> group) {
    Notification first = group.get(0);
    String lang = templates.languageFor(NotificationTemplates.DIGEST, first.language());
    StringBuilder items = new StringBuilder();
    for (Notification n : group) {
      items.append("- ").append(n.subject()).append('\n');
    }
    String name = recipients.find(first.recipientId()).map(Recipient::name).orElse(first.recipientId());
    TemplateText text = templates.render(NotificationTemplates.DIGEST, lang, Map.of(
        "recipient.name", name, "digest.count", Integer.toString(group.size()),
        "digest.items", items.toString().stripTrailing()));
    return new Message("digest/" + first.recipientId() + "/" + first.channel() + "/" + first.dueAt(),
        first.channel(), first.address(), first.recipientId(), lang, text.subject(), text.body(),
        group.stream().map(Notification::id).toList());
  }

  private boolean attempt(Message m, List<Notification> group, Instant now) {
    Optional<String> error;
    try {
      publisher.publish(m);
      error = Optional.empty();
    } catch (Exception | LinkageError e) {
      error = Optional.of(e.toString());
      LOG.warn("delivery of {} to {} on {} failed: {}", m.id(), m.recipientId(), m.channel(), e.toString());
    }
    for (Notification n : group) {
      DeliveryAttempt a = new DeliveryAttempt(now, error);
      if (error.isEmpty()) {
        repository.update(n.withAttempt(a, NotificationStatus.DELIVERED, n.dueAt()));
      } else {
        int failed = (int) n.attempts().stream().filter(x -> !x.delivered()).count() + 1;
        boolean last = failed >= retry.maxAttempts();
        repository.update(n.withAttempt(a, last ? NotificationStatus.FAILED : NotificationStatus.PENDING,
            last ? n.dueAt() : now.plus(retry.delayAfter(failed))));
      }
    }
    return error.isEmpty();
  }

  /** Starts the worker thread, once. */
  public synchronized void start() {
    if (worker != null || closed) {
      return;
    }
    Thread t = new Thread(this::work, "itsm-notifications");
    t.setDaemon(true);
    worker = t;
    t.start();
  }

  private void work() {
    while (!closed) {
      try {
        deliverDue(clock.instant());
      } catch (RuntimeException e) {
        LOG.error("notification delivery failed; retrying in a second", e);
      }
      long waitMillis = repository.nextDue()
          .map(d -> Math.max(1, Duration.between(clock.instant(), d).toMillis()))
          .orElse(1000L);
      synchronized (signal) {
        if (closed) {
          return;
        }
        try {
          signal.wait(Math.min(1000L, waitMillis));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Wakes the worker: something was stored. */
  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Stops the worker, waiting up to five seconds for it. */
  public void close() {
    closed = true;
    Thread t = worker;
    wake();
    if (t != null) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
