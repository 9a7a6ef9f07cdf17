package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chat.ConversationTexts;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The offline provider: answers with the last user message exactly as it arrived after governance,
 * so anyone can see what would have left the building. Deterministic apart from id and time; it
 * reports no usage, so the gateway counts the tokens; free. It streams too: the same text in
 * pieces of a few words, as {@code chat.completion.chunk} objects.
 */
public final class EchoProvider implements Provider {

    /** Characters per streamed piece, about a few words: enough to split an entity across chunks. */
    static final int PIECE_CHARS = 8;

    private final String name;
    private final Clock clock;

    /**
     * Creates the provider.
     *
     * @param name its configured name
     * @param clock source of the {@code created} timestamp
     */
    public EchoProvider(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Future<ProviderReply> complete(ProviderCall call) {
        String answer = ConversationTexts.lastUserText(call.body()).orElse("");
        ObjectNode body = envelope(call, "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", answer);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        return Future.succeededFuture(new ProviderReply(body, Optional.empty()));
    }

    @Override
    public Future<ChunkSource> stream(ProviderCall call) {
        return Future.succeededFuture(new EchoStream(call));
    }

    private ObjectNode envelope(ProviderCall call, String object) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", "chatcmpl-echo-" + UUID.randomUUID());
        body.put("object", object);
        body.put("created", clock.instant().getEpochSecond());
        body.put("model", call.body().path("model").asText(""));
        return body;
    }

    /** The echo, in pieces: a role chunk, the text's pieces, a finish chunk. */
    private final class EchoStream implements ChunkSource {
        private final ObjectNode envelope;
        private final String text;
        private ChunkReceiver receiver;
        private int next = -1; // -1: the role chunk; text.length(): the finish chunk
        private boolean paused;
        private boolean finished;
        private boolean cancelled;
        /** Resuming from inside a chunk's delivery (a drained write queue) continues the loop running. */
        private boolean delivering;

        EchoStream(ProviderCall call) {
            this.envelope = envelope(call, "chat.completion.chunk");
            this.text = ConversationTexts.lastUserText(call.body()).orElse("");
        }

        @Override
        public void start(ChunkReceiver receiver) {
            this.receiver = receiver;
            deliver();
        }

        @Override
        public void pause() {
            paused = true;
        }

        @Override
        public void resume() {
            paused = false;
            if (receiver != null) {
                deliver();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        private void deliver() {
            if (delivering) {
                return;
            }
            delivering = true;
            try {
                deliverWhileAllowed();
            } finally {
                delivering = false;
            }
        }

        private void deliverWhileAllowed() {
            while (!paused && !cancelled && !finished) {
                ObjectNode chunk = envelope.deepCopy();
                ObjectNode choice = chunk.putArray("choices").addObject();
                choice.put("index", 0);
                ObjectNode delta = choice.putObject("delta");
                if (next < 0) {
                    delta.put("role", "assistant");
                    delta.put("content", "");
                    choice.putNull("finish_reason");
                    next = 0;
                } else if (next < text.length()) {
                    int end = Math.min(text.length(), next + PIECE_CHARS);
                    delta.put("content", text.substring(next, end));
                    choice.putNull("finish_reason");
                    next = end;
                } else {
                    choice.put("finish_reason", "stop");
                    finished = true;
                }
                receiver.chunk(chunk);
                if (finished && !cancelled) {
                    receiver.end();
                }
            }
        }
    }
}
