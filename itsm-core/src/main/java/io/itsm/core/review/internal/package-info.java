/**
 * Implementation of post-incident reviews that is not API: opening reviews by hand or by policy
 * and assembling their timeline and impact, the commands on reviews and on preventive actions,
 * starting actions and the due work of a tick, and the queries. {@code io.itsm.core.review.Reviews}
 * is the facade over them. Types here may change without notice.
 */
package io.itsm.core.review.internal;
