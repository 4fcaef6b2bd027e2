/**
 * Machinery shared by the practices' implementations, not API: ordered delivery of events to
 * listeners ({@link io.itsm.core.kernel.internal.OrderedDelivery}), logging of repeated failures,
 * suggestions for misspelt names. Types here may change without notice; do not use them from
 * applications.
 */
package io.itsm.core.kernel.internal;
