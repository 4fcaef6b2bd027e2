/**
 * The incident lifecycle: {@link io.itsm.core.lifecycle.Command commands}, the {@link
 * io.itsm.core.lifecycle.Lifecycle} transition table (state × command → state), and {@link
 * io.itsm.core.lifecycle.IllegalTransitionException}, which names the incident, its state, the
 * command and what would be legal.
 */
package io.itsm.core.lifecycle;
