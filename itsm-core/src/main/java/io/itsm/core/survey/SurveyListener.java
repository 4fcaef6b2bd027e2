package io.itsm.core.survey;

/**
 * Hears every stored survey event, after its command was stored, each survey's events in order
 * (as {@link io.itsm.core.IncidentListener} does for incidents). An exception is logged and does
 * not undo the command. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SurveyListener {

  /**
   * Called for each event of a stored command.
   *
   * @param event the event
   * @param survey the survey after the whole command
   */
  void onEvent(SurveyEvent event, Survey survey);
}
