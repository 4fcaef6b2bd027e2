/**
 * Implementation of the CMDB and of change requests: the write path ({@link
 * io.itsm.core.cmdb.internal.CiStore}), commands, queries and backups of {@link
 * io.itsm.core.cmdb.Cmdb}, the commands of {@link io.itsm.core.cmdb.ChangeRequests}, and the graph
 * index behind impact analysis and the "part of" cycle check. Not API: it changes without notice.
 */
package io.itsm.core.cmdb.internal;
