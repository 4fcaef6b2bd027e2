/**
 * Import of real incident histories — a ServiceNow incident audit export or any CSV described by
 * a {@link io.itsm.importer.ColumnMapping} — by replaying each incident through the desk's
 * lifecycle ({@link io.itsm.importer.HistoryImport}). See docs/import.md.
 */
package io.itsm.importer;
