/**
 * The audit endpoint's types: one call's audit record.
 */
package io.monago.atrium.audit;
