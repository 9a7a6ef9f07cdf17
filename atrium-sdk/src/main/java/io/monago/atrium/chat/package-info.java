/**
 * Chat completions: the request (every OpenAI field typed) and the response types.
 */
package io.monago.atrium.chat;
