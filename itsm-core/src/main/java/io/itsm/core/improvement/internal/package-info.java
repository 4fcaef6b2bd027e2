/**
 * Implementation shared by the improvement practices (problems, post-incident reviews and
 * preventive actions, satisfaction surveys) that is not API: the write path of an event-sourced
 * record (on the kernel's ordered delivery), in-memory storage, the window of recent incidents,
 * the relay of the desk's events to the practices and the reading of their export.
 * Types here may change without notice; do not use them from applications.
 */
package io.itsm.core.improvement.internal;
