package io.monago.atrium.gateway.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.guard.redact.PiiRedactor;
import io.monago.atrium.guard.redact.RedactionSession;
import io.monago.atrium.guard.redact.StreamingRedactor;
import io.monago.atrium.guard.redact.StreamingRestorer;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Answer redaction on a streamed answer, in flight. A choice's content passes through a {@link
 * StreamingRedactor} (only characters that could still become a finding are held back; the rest
 * goes out at once, redacted) and, in reversible mode, a {@link StreamingRestorer} (a placeholder
 * split across chunks is held until complete, then restored). Tool-call arguments are held until
 * the choice finishes, then checked whole: a half-written JSON argument is not text to release.
 * Other fields (role, tool call ids and names, finish reasons, usage) pass at once, in order. If a
 * check fails, the exception ends the stream: no text leaves unchecked.
 */
final class StreamedAnswerRedaction implements ChunkTransform {

    private final AnswerRedaction redaction;
    private final PiiRedactor redactor;
    private final RedactionSession session;
    private final Exchange exchange;
    private final AnswerRedaction.Findings found;
    private final Map<Integer, ChoiceText> choices = new TreeMap<>();
    private ObjectNode envelope;

    StreamedAnswerRedaction(
            AnswerRedaction redaction, PiiRedactor redactor, RedactionSession session, Exchange exchange) {
        this.redaction = redaction;
        this.redactor = redactor;
        this.session = session;
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
            ChoiceText text = choices.computeIfAbsent(choice.path("index").asInt(0), i -> new ChoiceText());
            boolean finished = choice.hasNonNull("finish_reason");
            if (choice.get("delta") instanceof ObjectNode delta) {
                holdArguments(delta, text);
                JsonNode content = delta.get("content");
                String released = content != null && content.isTextual() ? text.accept(content.asText()) : "";
                if (finished) {
                    released += text.finish();
                    putArguments(delta, text);
                }
                if (released.isEmpty()) {
                    delta.remove("content");
                } else {
                    delta.put("content", released);
                }
                carries |= !delta.isEmpty();
            }
            carries |= finished || choice.hasNonNull("logprobs");
        }
        if (carries) {
            out.accept(chunk);
        }
    }

    @Override
    public Future<Void> onEnd(Consumer<ObjectNode> out) {
        for (Map.Entry<Integer, ChoiceText> e : choices.entrySet()) {
            ChoiceText text = e.getValue();
            if (text.done) {
                continue;
            }
            String rest = text.finish();
            ObjectNode chunk = envelope.deepCopy();
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", e.getKey());
            ObjectNode delta = choice.putObject("delta");
            if (!rest.isEmpty()) {
                delta.put("content", rest);
            }
            putArguments(delta, text);
            choice.putNull("finish_reason");
            if (!delta.isEmpty()) {
                out.accept(chunk);
            }
        }
        record();
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> onFailure(Throwable cause) {
        record();
        choices.clear(); // what was held was never checked, so it never leaves
        return Future.succeededFuture();
    }

    private void record() {
        if (exchange.workspace().keepsContent()) {
            List<String> texts = new ArrayList<>();
            for (ChoiceText text : choices.values()) {
                texts.add(text.delivered.toString());
            }
            found.kept = AnswerRedaction.forAudit(String.join("\n\n", texts));
        }
        for (ChoiceText text : choices.values()) {
            text.redactor.summary().detectedCounts().forEach(found::detected);
            text.redactor.summary().redactedCounts().keySet().forEach(found::redacted);
            text.redactor.summary().blockedCounts().keySet().forEach(found::redacted);
        }
        found.recordOn(exchange);
    }

    /** Takes a delta's tool-call argument fragments into the choice's held arguments. */
    private static void holdArguments(ObjectNode delta, ChoiceText text) {
        if (!(delta.get("tool_calls") instanceof ArrayNode calls)) {
            return;
        }
        for (Iterator<JsonNode> it = calls.iterator(); it.hasNext(); ) {
            JsonNode call = it.next();
            JsonNode args = call.path("function").get("arguments");
            if (args != null && args.isTextual() && call.get("function") instanceof ObjectNode fn) {
                text.arguments
                        .computeIfAbsent(call.path("index").asInt(0), k -> new StringBuilder())
                        .append(args.asText());
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

    /** Puts a finished choice's arguments, checked whole, into its last delta. */
    private void putArguments(ObjectNode delta, ChoiceText text) {
        if (text.arguments.isEmpty()) {
            return;
        }
        ArrayNode calls = delta.withArray("tool_calls");
        text.arguments.forEach((i, args) -> {
            ObjectNode call = calls.addObject();
            call.put("index", i);
            call.putObject("function").put("arguments", redaction.govern(args.toString(), found));
        });
        text.arguments.clear();
    }

    /** One choice's text in flight: its redactor, its restorer and the arguments it holds. */
    private final class ChoiceText {
        final StreamingRedactor redactor = StreamingRedactor.of(StreamedAnswerRedaction.this.redactor, session);
        final StreamingRestorer restorer = session.isReversible() ? session.streamingRestorer() : null;
        final Map<Integer, StringBuilder> arguments = new TreeMap<>();
        /** The content released so far, with placeholders: what the audit content keeps. */
        final StringBuilder delivered = new StringBuilder();

        boolean done;

        String accept(String piece) {
            String redacted = redactor.accept(piece).text();
            delivered.append(redacted);
            return restorer == null ? redacted : restorer.accept(redacted);
        }

        String finish() {
            done = true;
            String redacted = redactor.finish().text();
            delivered.append(redacted);
            return restorer == null ? redacted : restorer.accept(redacted) + restorer.finish();
        }
    }
}
