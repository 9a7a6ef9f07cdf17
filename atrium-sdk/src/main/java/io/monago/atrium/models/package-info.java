/**
 * The models endpoint's types: which models the caller's key may use.
 */
package io.monago.atrium.models;
