package io.itsm.rules.predict;

import io.itsm.core.incident.Ticket;
import io.itsm.rules.facts.Prediction;
import java.util.List;

/**
 * Predicts triage attributes of a ticket; the engine inserts its predictions as {@link
 * Prediction} facts ({@code TriageEngine.builder().model(predictor)}). {@link TriageModel}, a
 * model trained from a team's history, is the implementation this library ships; a team may
 * plug in its own.
 *
 * <p>Implementations must be thread-safe: the engine calls them from every triaging thread.
 */
public interface Predictor {

  /**
   * Predicts for a ticket.
   *
   * @param ticket the ticket
   * @return the predictions, best first; empty when the predictor has nothing to say
   */
  List<Prediction> predict(Ticket ticket);
}
