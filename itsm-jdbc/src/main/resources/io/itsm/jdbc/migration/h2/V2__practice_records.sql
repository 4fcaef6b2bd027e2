-- itsm-jdbc schema 2 (H2): the latest state of every record of the desk's other practices
-- (knowledge articles, problems, reviews, preventive actions, surveys, configuration items,
-- change requests, announcements, notifications). Their events are in itsm_event under their own
-- aggregate_type, written in the same transaction as the state row. See docs/store.md.

CREATE TABLE itsm_record (
  aggregate_type CHARACTER VARYING(64) NOT NULL,
  id             CHARACTER VARYING NOT NULL,
  version        BIGINT NOT NULL CHECK (version >= 1),
  status         CHARACTER VARYING(64),
  updated_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  state          CHARACTER VARYING NOT NULL,
  CONSTRAINT itsm_record_pk PRIMARY KEY (aggregate_type, id)
);

CREATE INDEX itsm_record_status ON itsm_record (aggregate_type, status, id);
