-- itsm-jdbc schema 3 (PostgreSQL): when a record is next due (a pending notification's next
-- delivery attempt or digest), so that due work is found through an index instead of by reading
-- every pending record; and named counters from which records take their ids (ANN-000001,
-- CHG-000001, ...), so that two application instances on one database never pick the same id.
-- See docs/store.md.

ALTER TABLE itsm_record ADD COLUMN due_at TIMESTAMPTZ;

CREATE INDEX itsm_record_due ON itsm_record (aggregate_type, status, due_at, id);

CREATE TABLE itsm_counter (
  name       VARCHAR(64) NOT NULL,
  last_value BIGINT      NOT NULL CHECK (last_value >= 0),
  CONSTRAINT itsm_counter_pk PRIMARY KEY (name)
);
