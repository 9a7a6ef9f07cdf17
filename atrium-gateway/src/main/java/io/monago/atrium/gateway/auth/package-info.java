/**
 * Authentication: API keys known by their hashes, the filter that turns an Authorization header
 * into a caller and its workspace, and the first start's generated admin key.
 */
package io.monago.atrium.gateway.auth;
