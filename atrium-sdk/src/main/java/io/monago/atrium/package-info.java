/**
 * The Atrium SDK: a Java client for governed LLM calls, a drop-in for OpenAI-style code.
 *
 * <p>Start at {@link io.monago.atrium.Atrium}. Every answer carries a
 * {@link io.monago.atrium.Governance} (audit id, PII found and redacted, policy decision, provider,
 * latency, cost in rupiah); every failure is an {@link io.monago.atrium.errors.AtriumException}
 * that carries the same.
 *
 * <pre>{@code
 * try (Atrium client = Atrium.fromEnv()) {
 *     ChatCompletion res = client.chat().completions().create(ChatCompletionRequest.builder()
 *             .model("gpt-5.4-mini")
 *             .addUserMessage("Halo")
 *             .build());
 *     System.out.println(res.content() + " " + res.governance().auditId().orElse("-"));
 * }
 * }</pre>
 */
package io.monago.atrium;
