/**
 * The lifecycle demo: {@link io.itsm.examples.demo.LifecycleDemo} runs the bundled {@link
 * io.itsm.examples.demo.SampleTickets} through a {@link io.itsm.core.ServiceDesk} with the default
 * rules and a {@link io.itsm.examples.demo.DemoClock}, and prints timelines and a summary. Run it
 * with {@code java -jar itsm.jar demo} or its {@code main}.
 */
package io.itsm.examples.demo;
