/**
 * The recognisers that ship with the guard, one per entity type and candidate shape, listed in
 * {@link io.monago.atrium.guard.pii.recognizer.builtin.Recognizers}, and the context words they
 * consult ({@link io.monago.atrium.guard.pii.recognizer.builtin.ContextWords}). Internal: a
 * deployment's own recogniser implements an interface of
 * {@link io.monago.atrium.guard.pii.recognizer}.
 */
package io.monago.atrium.guard.pii.recognizer.builtin;
