/**
 * Implementation of problem management that is not API: recurrence detection, the commands on
 * problems, their links to incidents on the desk and the resuming of incidents awaiting a
 * problem, and the queries. {@code io.itsm.core.problem.Problems} is the facade over them. Types
 * here may change without notice.
 */
package io.itsm.core.problem.internal;
