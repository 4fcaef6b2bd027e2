/**
 * A real PostgreSQL server for tests and benchmarks, from binaries shipped in a Maven artifact:
 * {@link io.itsm.jdbc.testkit.PostgresTestServer}. Works as root (the server then runs as an
 * unprivileged user) and as any other user.
 */
package io.itsm.jdbc.testkit;
