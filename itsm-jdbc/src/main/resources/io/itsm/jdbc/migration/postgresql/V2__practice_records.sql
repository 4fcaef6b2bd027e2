-- itsm-jdbc schema 2 (PostgreSQL): the latest state of every record of the desk's other
-- practices (knowledge articles, problems, reviews, preventive actions, surveys, configuration
-- items, change requests, announcements, notifications). Their events are in itsm_event under
-- their own aggregate_type, written in the same transaction as the state row. See docs/store.md.

CREATE TABLE itsm_record (
  aggregate_type VARCHAR(64) NOT NULL,
  id             TEXT        NOT NULL,
  version        BIGINT      NOT NULL CHECK (version >= 1),
  status         VARCHAR(64),
  updated_at     TIMESTAMPTZ NOT NULL,
  state          JSONB       NOT NULL,
  CONSTRAINT itsm_record_pk PRIMARY KEY (aggregate_type, id)
);

CREATE INDEX itsm_record_status ON itsm_record (aggregate_type, status, id);
