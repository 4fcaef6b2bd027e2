/**
 * Configuration management: configuration items and their relations as a graph ({@link
 * io.itsm.core.cmdb.Cmdb}), impact analysis over it, change requests with an impact assessment and
 * a change advisory board's approval ({@link io.itsm.core.cmdb.ChangeRequests}), every change kept
 * as an event (who, when, before and after), audit queries and a consistent backup.
 *
 * <p>Storage is an SPI ({@link io.itsm.core.cmdb.CmdbRepository}, {@link
 * io.itsm.core.cmdb.ChangeRepository}) with in-memory defaults.
 */
package io.itsm.core.cmdb;
