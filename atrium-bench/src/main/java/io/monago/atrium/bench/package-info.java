/**
 * JMH benchmarks. Run {@code java -jar atrium-bench/target/benchmarks.jar} after a package build;
 * the figures and the commands that reproduce them live in {@code docs/benchmarks.md}.
 */
package io.monago.atrium.bench;
