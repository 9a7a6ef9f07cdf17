package io.monago.atrium.gateway.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.exchange.Exchange;
import io.vertx.core.Future;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Answer redaction on a streamed answer. No text the model wrote passes before it was checked:
 * each choice's content and tool-call arguments are held until that choice finishes (or the stream
 * ends), then redacted, restored and released as one delta; the chunks' other fields (role, tool
 * call ids and names, finish reasons, usage) pass at once, in order. Holding less than a whole
 * choice, only what could still become a finding, is the job of a finer transform with the same
 * shape.
 */
final class StreamedAnswerRedaction implements ChunkTransform {

    private final AnswerRedaction redaction;
    private final Exchange exchange;
    private final AnswerRedaction.Findings found;
    private final Map<Integer, HeldText> held = new TreeMap<>();
    private ObjectNode envelope;

    StreamedAnswerRedaction(AnswerRedaction redaction, Exchange exchange) {
        this.redaction = redaction;
        this.exchange = exchange;
        this.found = redaction.new Findings();
    }

    @Override
    public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
        if (envelope == null) {
            envelope = chunk.deepCopy();
            envelope.remove("choices");
            envelope.remove("usage");
        }
        boolean carries = !chunk.path("choices").isArray() || chunk.has("usage");
        for (JsonNode c : chunk.path("choices")) {
            if (!(c instanceof ObjectNode choice)) {
                continue;
            }
            int index = choice.path("index").asInt(0);
            HeldText text = held.computeIfAbsent(index, i -> new HeldText());
            if (choice.get("delta") instanceof ObjectNode delta) {
                hold(delta, text);
                carries |= !delta.isEmpty();
            }
            boolean finished = choice.hasNonNull("finish_reason");
            carries |= finished || choice.hasNonNull("logprobs");
            if (finished) {
                release(index, held.remove(index), out);
            }
        }
        if (carries) {
            out.accept(chunk);
        }
    }

    @Override
    public Future<Void> onEnd(Consumer<ObjectNode> out) {
        for (Iterator<Map.Entry<Integer, HeldText>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, HeldText> e = it.next();
            release(e.getKey(), e.getValue(), out);
            it.remove();
        }
        found.recordOn(exchange);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> onFailure(Throwable cause) {
        held.clear(); // what was held was never checked, so it never leaves
        found.recordOn(exchange);
        return Future.succeededFuture();
    }

    private static void hold(ObjectNode delta, HeldText text) {
        JsonNode content = delta.get("content");
        if (content != null && content.isTextual()) {
            text.content.append(content.asText());
            delta.remove("content");
        }
        if (delta.get("tool_calls") instanceof ArrayNode calls) {
            for (Iterator<JsonNode> it = calls.iterator(); it.hasNext(); ) {
                JsonNode call = it.next();
                int i = call.path("index").asInt(0);
                JsonNode args = call.path("function").get("arguments");
                if (args != null && args.isTextual() && call.get("function") instanceof ObjectNode fn) {
                    text.arguments.computeIfAbsent(i, k -> new StringBuilder()).append(args.asText());
                    fn.remove("arguments");
                    if (fn.isEmpty()) {
                        ((ObjectNode) call).remove("function");
                    }
                }
                if (!call.has("id") && !call.has("function") && !call.has("type")) {
                    it.remove();
                }
            }
            if (calls.isEmpty()) {
                delta.remove("tool_calls");
            }
        }
    }

    private void release(int index, HeldText text, Consumer<ObjectNode> out) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ObjectNode chunk = envelope.deepCopy();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", index);
        ObjectNode delta = choice.putObject("delta");
        if (text.content.length() > 0) {
            delta.put("content", redaction.govern(text.content.toString(), found));
        }
        if (!text.arguments.isEmpty()) {
            ArrayNode calls = delta.putArray("tool_calls");
            text.arguments.forEach((i, args) -> {
                ObjectNode call = calls.addObject();
                call.put("index", i);
                call.putObject("function").put("arguments", redaction.govern(args.toString(), found));
            });
        }
        choice.putNull("finish_reason");
        out.accept(chunk);
    }

    /** One choice's text not yet released. */
    private static final class HeldText {
        final StringBuilder content = new StringBuilder();
        final Map<Integer, StringBuilder> arguments = new TreeMap<>();

        boolean isEmpty() {
            return content.length() == 0 && arguments.isEmpty();
        }
    }
}
