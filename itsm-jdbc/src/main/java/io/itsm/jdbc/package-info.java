/**
 * The desk's store in a relational database: {@link io.itsm.jdbc.JdbcStore} opens it (PostgreSQL,
 * or H2 in a file as the embedded default), creates or upgrades its schema with Flyway, and hands
 * out the {@link io.itsm.jdbc.JdbcIncidentRepository} for {@code ServiceDesk.builder()
 * .repository(...)} and the practices' repositories ({@link io.itsm.jdbc.JdbcKnowledgeRepository}
 * for knowledge articles), all in {@link io.itsm.jdbc.JdbcStore#stores()}. Events are appended and the current state written in one transaction;
 * concurrent writers are kept apart by a unique key in the database. See docs/store.md.
 */
package io.itsm.jdbc;
