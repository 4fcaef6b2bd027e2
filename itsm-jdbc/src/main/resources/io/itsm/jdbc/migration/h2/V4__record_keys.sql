-- itsm-jdbc schema 4 (H2): the search keys of records (the items a change touches, an item's
-- type, teams and location, the services and items an announcement concerns), so that a search
-- by one of them reads the matching records through an index instead of every record of the
-- type. The key rows of a record are replaced in the same transaction as its state row. See
-- docs/store.md.

CREATE TABLE itsm_record_key (
  aggregate_type CHARACTER VARYING(64) NOT NULL,
  record_id      CHARACTER VARYING NOT NULL,
  key_name       CHARACTER VARYING(64) NOT NULL,
  key_value      CHARACTER VARYING NOT NULL,
  CONSTRAINT itsm_record_key_pk PRIMARY KEY (aggregate_type, record_id, key_name, key_value),
  CONSTRAINT itsm_record_key_record_fk FOREIGN KEY (aggregate_type, record_id)
    REFERENCES itsm_record (aggregate_type, id) ON DELETE CASCADE
);

CREATE INDEX itsm_record_key_lookup ON itsm_record_key (aggregate_type, key_name, key_value, record_id);

-- The record types whose stored records still need their key rows (records written before this
-- schema). The store fills them in when it opens (in one transaction per type, under a lock on
-- this row) and deletes the row; a schema applied by hand gets them filled in the same way.
CREATE TABLE itsm_record_key_backfill (
  aggregate_type CHARACTER VARYING(64) NOT NULL,
  CONSTRAINT itsm_record_key_backfill_pk PRIMARY KEY (aggregate_type)
);

INSERT INTO itsm_record_key_backfill (aggregate_type)
  SELECT DISTINCT aggregate_type FROM itsm_record
  WHERE aggregate_type IN ('configuration-item', 'change-request', 'announcement');
