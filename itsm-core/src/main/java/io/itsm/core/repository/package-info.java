/**
 * Storage of incidents and their histories: the {@link io.itsm.core.repository.IncidentRepository}
 * SPI with optimistic versioning and the due-time index, the thread-safe {@link
 * io.itsm.core.repository.InMemoryIncidentRepository}, and {@link
 * io.itsm.core.repository.IncidentQuery}. A database store (module {@code itsm-jdbc}) implements
 * the same SPI; a record it cannot read is reported as {@link
 * io.itsm.core.repository.UnreadableRecordException}.
 */
package io.itsm.core.repository;
