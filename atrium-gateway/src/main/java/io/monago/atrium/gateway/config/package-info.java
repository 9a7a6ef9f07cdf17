/**
 * The gateway's configuration: atrium.yaml read with environment substitution, defaults filled
 * in, and every field checked, with errors that name file, line and field.
 */
package io.monago.atrium.gateway.config;
