/**
 * Implementation of post-incident reviews that is not API: assembling a review's timeline and
 * impact from the incidents' events. Types here may change without notice.
 */
package io.itsm.core.review.internal;
