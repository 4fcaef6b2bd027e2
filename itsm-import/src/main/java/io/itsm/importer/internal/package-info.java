/** Implementation of the import: CSV rows and the replay of one incident. Not API. */
package io.itsm.importer.internal;
