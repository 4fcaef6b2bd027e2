package io.itsm.core.knowledge;

import io.itsm.core.IncidentListener;
import io.itsm.core.access.Actor;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Resolved;
import io.itsm.core.incident.Incident;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knowledge capture: hears the desk's resolutions and, when a {@link CapturePolicy} asks for it,
 * drafts an article from the resolution (or a new version of the article used). The draft is
 * recorded by the desk's system actor with the resolving agent as its author and the deciding
 * rule as {@code decidedBy}, and linked both ways.
 *
 * <p>The desk needs the listener when it is built and the knowledge base needs the desk, so the
 * two are wired in this order:
 *
 * <pre>{@code
 * KnowledgeCapture capture = KnowledgeCapture.of(CaptureEngine.withDefaults());
 * ServiceDesk desk = ServiceDesk.builder().listener(capture).build();
 * KnowledgeBase kb = KnowledgeBase.builder().desk(desk).capture(capture).build();
 * }</pre>
 *
 * <p>Until a knowledge base is built with it, resolutions pass unheard. A failing draft (a policy
 * that throws, an article in review) is logged and does not undo the resolution.
 *
 * <p>Thread-safe.
 */
public final class KnowledgeCapture implements IncidentListener {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeCapture.class);

  private final CapturePolicy policy;
  private final AtomicReference<KnowledgeBase> base = new AtomicReference<>();

  private KnowledgeCapture(CapturePolicy policy) {
    this.policy = policy;
  }

  /**
   * Creates a capture with a policy.
   *
   * @param policy decides when a resolution is written down
   * @return the listener, to give to {@code ServiceDesk.builder().listener(...)}
   */
  public static KnowledgeCapture of(CapturePolicy policy) {
    return new KnowledgeCapture(Objects.requireNonNull(policy, "policy"));
  }

  /** Binds the knowledge base the drafts go to; once only. */
  void bind(KnowledgeBase kb) {
    if (!base.compareAndSet(null, kb) && base.get() != kb) {
      throw new io.itsm.core.ValidationException("this KnowledgeCapture already belongs to another"
          + " knowledge base; create one capture per knowledge base");
    }
  }

  /**
   * Returns the policy.
   *
   * @return the policy
   */
  public CapturePolicy policy() {
    return policy;
  }

  @Override
  public void onEvent(IncidentEvent event, Incident incident) {
    if (!(event instanceof Resolved r)) {
      return;
    }
    KnowledgeBase kb = base.get();
    if (kb == null) {
      LOG.debug("resolution of {} not captured: no knowledge base is built with this capture yet",
          incident.id());
      return;
    }
    kb.captureResolution(Actor.system(), incident, r.resolution(), policy);
  }

  @Override
  public String toString() {
    return "KnowledgeCapture[" + policy + "]";
  }
}
