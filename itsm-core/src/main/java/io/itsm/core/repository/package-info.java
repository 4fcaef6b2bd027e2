/**
 * Storage of incidents and their histories: the {@link io.itsm.core.repository.IncidentRepository}
 * SPI with optimistic versioning, the thread-safe {@link
 * io.itsm.core.repository.InMemoryIncidentRepository}, and {@link
 * io.itsm.core.repository.IncidentQuery}.
 */
package io.itsm.core.repository;
