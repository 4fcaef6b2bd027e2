/**
 * Live Micrometer meters of a service desk ({@link io.itsm.micrometer.DeskMeters}): a separate
 * module, so that applications without Micrometer do not pull it.
 */
package io.itsm.micrometer;
