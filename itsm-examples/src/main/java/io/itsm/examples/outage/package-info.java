/**
 * Example: an outage from failure to archive — a database configuration item fails, impact
 * analysis finds the services it takes down, an unplanned-outage announcement in two languages is
 * approved and published, tickets about those services are linked to it, a change fixes the
 * database, and the announcement is ended and archived ({@link
 * io.itsm.examples.outage.OutageDemo}). {@link io.itsm.examples.outage.SampleCmdb} is the sample
 * CMDB the demo and the {@code itsm cmdb} command use.
 */
package io.itsm.examples.outage;
