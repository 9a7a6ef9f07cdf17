package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Usage;
import io.monago.atrium.gateway.inspect.ConversationTexts;
import io.monago.atrium.gateway.meter.TokenCounter;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.UUID;

/**
 * The offline provider: answers with the last user message exactly as it arrived after governance,
 * so anyone can see what would have left the building. Deterministic apart from id and time; usage
 * is counted with {@link TokenCounter}; free.
 */
public final class EchoProvider implements Provider {

    private final String name;
    private final TokenCounter tokens;
    private final Clock clock;

    /**
     * Creates the provider.
     *
     * @param name its configured name
     * @param tokens the token counter
     * @param clock source of the {@code created} timestamp
     */
    public EchoProvider(String name, TokenCounter tokens, Clock clock) {
        this.name = name;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Future<ProviderReply> complete(ProviderCall call) {
        String answer = ConversationTexts.lastUserText(call.body()).orElse("");
        Usage usage = new Usage(tokens.countPrompt(call.body()), tokens.count(answer));
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = f.objectNode();
        body.put("id", "chatcmpl-echo-" + UUID.randomUUID());
        body.put("object", "chat.completion");
        body.put("created", clock.instant().getEpochSecond());
        body.put("model", call.requestedModel());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", answer);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode u = body.putObject("usage");
        u.put("prompt_tokens", usage.promptTokens());
        u.put("completion_tokens", usage.completionTokens());
        u.put("total_tokens", usage.totalTokens());
        return Future.succeededFuture(new ProviderReply(body, java.util.Optional.of(usage)));
    }
}
