/**
 * Implementation of the desk that is not API: ordered delivery of events to listeners, the
 * computation of due work, suggestions for misspelt names. Types here may change without notice;
 * do not use them from applications.
 */
package io.itsm.core.internal;
