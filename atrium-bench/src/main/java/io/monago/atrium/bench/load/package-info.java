/**
 * The gateway's load harness: a fake OpenAI upstream, an open- and closed-loop load generator that
 * records latency with HdrHistogram, and the report that pairs each target's figures with the
 * upstream called directly. {@code atrium-bench/load/side-by-side.sh} runs them, each in a process
 * of its own, against the fake upstream, Atrium and the Portkey gateway.
 */
package io.monago.atrium.bench.load;
