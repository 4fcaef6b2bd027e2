-- itsm-jdbc schema 1 (PostgreSQL): the event store shared by every aggregate, and the incidents'
-- current state. Events are the truth; the state row is rewritten in the same transaction as the
-- events that lead to it. See docs/store.md.

-- Every aggregate's events: (aggregate_type, aggregate_id, sequence_no) is unique, which is how
-- two writers of one aggregate are kept apart (optimistic concurrency): the second one's insert
-- of the same sequence fails and its transaction stores nothing.
CREATE TABLE itsm_event (
  aggregate_type VARCHAR(64) NOT NULL,
  aggregate_id   TEXT        NOT NULL,
  sequence_no    BIGINT      NOT NULL CHECK (sequence_no >= 1),
  event_type     VARCHAR(128) NOT NULL,
  occurred_at    TIMESTAMPTZ NOT NULL,
  actor          TEXT        NOT NULL,
  payload        JSONB       NOT NULL,
  recorded_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT itsm_event_pk PRIMARY KEY (aggregate_type, aggregate_id, sequence_no)
);

-- The latest state of each incident (the JSON snapshot of docs/json.md), with the columns that
-- IncidentQuery and due work search by.
CREATE TABLE itsm_incident (
  id          TEXT        NOT NULL,
  version     BIGINT      NOT NULL CHECK (version >= 1),
  status      VARCHAR(32) NOT NULL,
  team        TEXT,
  assignee    TEXT,
  caller_id   TEXT,
  external_id TEXT,
  opened_at   TIMESTAMPTZ NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL,
  next_due_at TIMESTAMPTZ,
  state       JSONB       NOT NULL,
  CONSTRAINT itsm_incident_pk PRIMARY KEY (id)
);

CREATE INDEX itsm_incident_status_team ON itsm_incident (status, team, id);
CREATE INDEX itsm_incident_team ON itsm_incident (team, id);
CREATE INDEX itsm_incident_assignee ON itsm_incident (assignee, id);
CREATE INDEX itsm_incident_caller ON itsm_incident (caller_id, id);
CREATE INDEX itsm_incident_external ON itsm_incident (external_id);
CREATE INDEX itsm_incident_due ON itsm_incident (next_due_at) WHERE next_due_at IS NOT NULL;

-- New incident ids (INC-000001, ...), unique across every desk that shares the database.
CREATE SEQUENCE itsm_incident_number START WITH 1;
