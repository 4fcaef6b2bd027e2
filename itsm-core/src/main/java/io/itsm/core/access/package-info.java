/**
 * Access control: {@link io.itsm.core.access.Actor actors} with {@link io.itsm.core.access.Role
 * roles} and teams, {@link io.itsm.core.access.Permission permissions}, and the {@link
 * io.itsm.core.access.AccessPolicy} that checks every command of the desk.
 */
package io.itsm.core.access;
