/**
 * The incident domain model: what was reported ({@link io.itsm.core.incident.Ticket}, {@link
 * io.itsm.core.incident.Caller}), the aggregate the desk works on ({@link
 * io.itsm.core.incident.Incident}) and its values (status, priority, assignment, resolution,
 * links), and the catalogues the desk checks against: categories ({@link
 * io.itsm.core.incident.Catalogue}), resolution and close codes ({@link
 * io.itsm.core.incident.ResolutionCodes}); plus the {@link io.itsm.core.incident.CallerDirectory}
 * SPI through which the application says what it trusts about callers.
 */
package io.itsm.core.incident;
