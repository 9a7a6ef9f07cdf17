package io.monago.atrium.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.chat.TextSlot;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.RequestTags;
import io.monago.atrium.gateway.idempotency.IdempotencyCache;
import io.monago.atrium.gateway.idempotency.IdempotencyFilter;
import io.monago.atrium.gateway.idempotency.MemoryIdempotencyStore;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.validate.RequestJson;
import io.monago.atrium.gateway.validate.RequestTagReader;
import io.monago.atrium.gateway.validate.ValidateFilter;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.protocol.ErrorCode;
import io.monago.atrium.protocol.RequestLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's audit tags (docs/protocol.md §2): {@code user} and {@code metadata} in the body, the
 * {@code X-Monago-User-Id}, {@code X-Monago-Session-Id} and {@code X-Monago-Metadata} headers, the
 * {@code Idempotency-Key} and {@code traceparent}, read by the idempotency and validation filters as
 * the gateway runs them. The input is headers (see {@link HttpInput}) and, after the empty line,
 * fields added to a valid request body ({@code "user":"...","metadata":{...}}).
 *
 * <p>Invariants: the filters refuse only with the protocol's errors, never with an exception; and
 * what a call's record keeps of its tags holds no value the PII scanner finds in them (read as
 * inspection reads them, with the tag's name in front), the {@code Idempotency-Key} only as its
 * SHA-256, and a trace id only as 32 hex digits.
 */
class RequestTagsFuzzTest {

    private static final long MAX_BODY_BYTES = 16 * 1_024;
    private static final byte[] BODY_START =
            "{\"model\":\"gpt-fuzz\",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]"
                    .getBytes(StandardCharsets.UTF_8);

    private static final Set<ErrorCode> TAG_ERRORS =
            EnumSet.of(ErrorCode.INVALID_REQUEST, ErrorCode.PII_BLOCKED, ErrorCode.UNSUPPORTED_MEDIA_TYPE);

    private static final WorkspacePolicy WORKSPACE = Calls.defaultWorkspace();
    private static final ValidateFilter VALIDATE = Calls.validateFilter(MAX_BODY_BYTES);
    private static final RequestTagReader READER = new RequestTagReader(new RequestJson());
    private static final PiiScanner SCANNER = PiiScanner.defaults();

    @FuzzTest(maxDuration = "15s")
    @DictionaryFile(resourcePath = "chat-request.dict")
    void readTags(byte[] input) {
        HttpInput sent = HttpInput.parse(input);
        Exchange exchange = new HttpInput(sent.headers(), body(sent.body())).exchange(WORKSPACE, MAX_BODY_BYTES);
        IdempotencyFilter idempotency = new IdempotencyFilter(
                new MemoryIdempotencyStore(new IdempotencyCache(16, Clock.systemUTC())), Offload.inline());

        Step first = Steps.outcome(idempotency.onRequest(exchange), "the idempotency filter");
        assertThat(first).as("a first call with its key").isEqualTo(Step.CONTINUE);
        Step step = Steps.outcome(VALIDATE.onRequest(exchange), "validation");
        if (step instanceof Step.Reject reject) {
            assertThat(TAG_ERRORS)
                    .as("the error code of a refusal")
                    .contains(reject.rejection().code());
            return;
        }

        RequestTags tags = READER.read(exchange.request(), exchange.body()).tags();
        RequestTags stored = exchange.tags();
        // The session id is stored once, as a metadata value.
        assertThat(stored.sessionId())
                .isEqualTo(Optional.ofNullable(stored.metadata().get(RequestLimits.SESSION_ID_KEY)));
        List<String> storedTexts = new ArrayList<>();
        stored.user().ifPresent(storedTexts::add);
        stored.metadata().forEach((k, v) -> {
            storedTexts.add(k);
            storedTexts.add(v);
        });
        List<Tag> sentTags = new ArrayList<>();
        tags.user().ifPresent(u -> sentTags.add(new Tag("user", u)));
        for (Map.Entry<String, String> e : tags.metadata().entrySet()) {
            sentTags.add(new Tag("", e.getKey()));
            sentTags.add(new Tag(e.getKey(), e.getValue()));
        }
        for (Tag tag : sentTags) {
            for (String value : tag.values()) {
                long inStored = storedTexts.stream()
                        .mapToLong(s -> occurrences(s, value))
                        .sum();
                long allowed = sentTags.stream()
                        .mapToLong(t -> t.occurrencesOutsideFindings(value))
                        .sum();
                assertThat(inStored)
                        .as("stored copies of a %d-char value found in a tag", value.length())
                        .isLessThanOrEqualTo(allowed);
            }
        }
        assertThat(stored.idempotencyKey()).isEqualTo(tags.idempotencyKey().map(Calls::storedIdempotencyKey));
        stored.traceId().ifPresent(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    /** The body a fuzz input's fields go into. */
    private static byte[] body(byte[] fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(BODY_START.length + fields.length + 2);
        body.writeBytes(BODY_START);
        if (fields.length > 0) {
            body.write(',');
            body.writeBytes(fields);
        }
        body.write('}');
        return body.toByteArray();
    }

    private static long occurrences(String haystack, String needle) {
        long n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** A tag as sent, read as inspection reads it: its name in front as context. */
    private record Tag(String name, String value) {

        private List<PiiFinding> findings() {
            String context = TextSlot.identifierContext(name);
            List<PiiFinding> own = new ArrayList<>();
            for (PiiFinding f : SCANNER.scan(context + value)) {
                if (f.start() >= context.length()) {
                    own.add(new PiiFinding(
                            f.type(),
                            f.start() - context.length(),
                            f.end() - context.length(),
                            f.confidence(),
                            f.rule()));
                }
            }
            return own;
        }

        /** The values found in this tag. */
        List<String> values() {
            return findings().stream().map(f -> f.valueIn(value)).toList();
        }

        /** How often {@code v} occurs in this tag outside every finding: there it may be stored. */
        long occurrencesOutsideFindings(String v) {
            List<PiiFinding> found = findings();
            long n = 0;
            for (int i = value.indexOf(v); i >= 0; i = value.indexOf(v, i + 1)) {
                int start = i;
                int end = i + v.length();
                if (found.stream().noneMatch(f -> f.start() < end && start < f.end())) {
                    n++;
                }
            }
            return n;
        }
    }
}
