/**
 * JMH benchmarks of the triage engine against {@link io.itsm.examples.bench.HandWrittenTriage},
 * the default packs written by hand. See {@code docs/performance.md}.
 *
 * <pre>
 * mvn -B -q -pl itsm-examples -am package -DskipTests
 * java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main TriageBench -f 1 -wi 10 -i 5
 * java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main ScalingBench -f 1 -wi 10 -i 5
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.QuickBench
 * </pre>
 */
package io.itsm.examples.bench;
