/**
 * Example: a desk whose incidents survive a restart, in a {@link io.itsm.jdbc.JdbcStore}.
 */
package io.itsm.examples.store;
