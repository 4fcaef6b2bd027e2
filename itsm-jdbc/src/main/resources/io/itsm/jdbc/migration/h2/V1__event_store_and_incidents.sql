-- itsm-jdbc schema 1 (H2): the event store shared by every aggregate, and the incidents' current
-- state. Same tables as the PostgreSQL schema; JSON is kept as text (H2's JSON type would take a
-- string parameter as a JSON string literal). See docs/store.md.

CREATE TABLE itsm_event (
  aggregate_type CHARACTER VARYING(64) NOT NULL,
  aggregate_id   CHARACTER VARYING NOT NULL,
  sequence_no    BIGINT NOT NULL CHECK (sequence_no >= 1),
  event_type     CHARACTER VARYING(128) NOT NULL,
  occurred_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  actor          CHARACTER VARYING NOT NULL,
  payload        CHARACTER VARYING NOT NULL,
  recorded_at    TIMESTAMP(9) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  CONSTRAINT itsm_event_pk PRIMARY KEY (aggregate_type, aggregate_id, sequence_no)
);

CREATE TABLE itsm_incident (
  id          CHARACTER VARYING NOT NULL,
  version     BIGINT NOT NULL CHECK (version >= 1),
  status      CHARACTER VARYING(32) NOT NULL,
  team        CHARACTER VARYING,
  assignee    CHARACTER VARYING,
  caller_id   CHARACTER VARYING,
  external_id CHARACTER VARYING,
  opened_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  next_due_at TIMESTAMP(9) WITH TIME ZONE,
  state       CHARACTER VARYING NOT NULL,
  CONSTRAINT itsm_incident_pk PRIMARY KEY (id)
);

CREATE INDEX itsm_incident_status_team ON itsm_incident (status, team, id);
CREATE INDEX itsm_incident_team ON itsm_incident (team, id);
CREATE INDEX itsm_incident_assignee ON itsm_incident (assignee, id);
CREATE INDEX itsm_incident_caller ON itsm_incident (caller_id, id);
CREATE INDEX itsm_incident_external ON itsm_incident (external_id);
CREATE INDEX itsm_incident_due ON itsm_incident (next_due_at);

CREATE SEQUENCE itsm_incident_number START WITH 1;
