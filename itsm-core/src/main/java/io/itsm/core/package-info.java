/**
 * The entry point of the library: {@link io.itsm.core.ServiceDesk}, and the exception types
 * shared by every feature package.
 *
 * <p>Packages ending in {@code .internal} are implementation details, not API.
 */
package io.itsm.core;
