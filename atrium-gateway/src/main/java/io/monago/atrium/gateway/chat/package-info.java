/**
 * The chat-completions wire body as governance reads it: where its texts are (messages, tool
 * calls, answers), how many tokens they hold, and the usage of a call. Depends on nothing else in
 * the gateway.
 */
package io.monago.atrium.gateway.chat;
