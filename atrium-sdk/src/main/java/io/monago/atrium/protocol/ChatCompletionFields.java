package io.monago.atrium.protocol;

import java.util.Set;

/**
 * The top-level fields of a chat-completions request body that the protocol accepts (docs/protocol.md
 * §2). Any other field is rejected with {@link ErrorCode#INVALID_REQUEST} naming it.
 */
public final class ChatCompletionFields {

    /** Every accepted top-level field name. */
    public static final Set<String> ALLOWED = Set.of(
            "model",
            "messages",
            "temperature",
            "top_p",
            "max_tokens",
            "max_completion_tokens",
            "n",
            "stop",
            "seed",
            "presence_penalty",
            "frequency_penalty",
            "logit_bias",
            "logprobs",
            "top_logprobs",
            "response_format",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "stream",
            "stream_options",
            "user",
            "metadata",
            "store",
            "reasoning_effort",
            "verbosity",
            "service_tier",
            "modalities",
            "audio",
            "prediction",
            "web_search_options",
            "safety_identifier",
            "prompt_cache_key",
            "functions",
            "function_call");

    private ChatCompletionFields() {}
}
