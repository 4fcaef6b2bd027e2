/**
 * Implementation of the CMDB: the graph index behind impact analysis and the "part of" cycle check.
 * Not API.
 */
package io.itsm.core.cmdb.internal;
