/** Implementation of the metrics: the per-incident fold, group sums and duration sketches. Not API. */
package io.itsm.core.metrics.internal;
