/**
 * Evaluators: per-workspace checks that score a call's request before it leaves ({@code pre}) and
 * its answer after governance ({@code post}), and record, flag or block on the score. Built-in
 * types (toxicity, new PII, JSON, refusal, canary) and an HTTP callout; results go into the
 * {@link io.monago.atrium.gateway.exchange.Verdict} and from there into the audit record.
 * docs/evaluators.md describes them.
 */
package io.monago.atrium.gateway.eval;
