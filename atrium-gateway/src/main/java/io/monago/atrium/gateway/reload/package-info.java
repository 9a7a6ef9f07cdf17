/**
 * Policy changes without a restart: a watcher on the configuration file that waits for a burst of
 * writes to settle, and a reloader that validates the new file, tells what of it applies now and
 * what only after a restart, and hands a valid policy to the gateway to swap in whole.
 */
package io.monago.atrium.gateway.reload;
