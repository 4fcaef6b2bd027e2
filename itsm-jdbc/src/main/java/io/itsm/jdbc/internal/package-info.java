/**
 * Implementation of the JDBC store: dialects, Flyway migrations, column mapping and error
 * classification. Not API: may change in any release.
 */
package io.itsm.jdbc.internal;
