package io.itsm.core.incident;

/** Whether a ticket reports a service disruption or asks for something new. */
public enum IncidentType {
  /** An unplanned interruption or degradation of a service. */
  INCIDENT,
  /** A request for a new service, an installation, a configuration change, access or information. */
  SERVICE_REQUEST
}
