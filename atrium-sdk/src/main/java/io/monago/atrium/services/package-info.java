/**
 * The gateway's endpoints as Java interfaces, blocking and async: chat completions, models, audit.
 * Reach them from {@link io.monago.atrium.Atrium} and {@link io.monago.atrium.AsyncAtrium}; being
 * interfaces, they are easy to stub in the tests of code that uses them.
 */
package io.monago.atrium.services;
