/**
 * Client-side evaluation of answers: an {@link io.monago.atrium.eval.EvalHook} (or {@link
 * io.monago.atrium.eval.AsyncEvalHook}) scores an answer, and {@link
 * io.monago.atrium.eval.EvaluatingChat} (or {@link io.monago.atrium.eval.AsyncEvaluatingChat})
 * runs it on a sample of calls and records the scores in the gateway's audit trail, linked to the
 * call. docs/evaluators.md describes it.
 */
package io.monago.atrium.eval;
