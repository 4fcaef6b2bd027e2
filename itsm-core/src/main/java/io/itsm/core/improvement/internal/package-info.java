/**
 * Implementation shared by the improvement practices (problems, post-incident reviews and
 * preventive actions, satisfaction surveys) that is not API: the write path of an event-sourced
 * record, in-memory storage, ordered delivery to listeners, logging of repeated failures. Types
 * here may change without notice; do not use them from applications.
 *
 * <p>{@code OrderedDelivery} and {@code FailureLog} are the kernel's (see the core-reshape work);
 * when the kernel is on the main line, these copies go and the practices use the kernel's.
 */
package io.itsm.core.improvement.internal;
