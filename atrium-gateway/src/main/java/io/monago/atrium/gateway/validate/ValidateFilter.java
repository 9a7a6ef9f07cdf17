package io.monago.atrium.gateway.validate;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The body must be within the size limit, sent as JSON, and a valid chat-completions request;
 * parses it once (off the event loop when it is large), reads the caller's audit tags and keeps
 * them only in their stored form (no PII value, the idempotency key hashed), and records the model
 * name only when it is one the configuration routes and it holds no personal data.
 */
public final class ValidateFilter implements Filter {

    /** What the record says for a model name that is not a configured one. */
    public static final String UNLISTED_MODEL = "[unlisted model]";
    /** What the record says for a model name that holds personal data. */
    public static final String WITHHELD_MODEL = "[model name withheld: personal data]";

    private static final Pattern LONG_NUMBER = Pattern.compile("[0-9]{10,}");

    private final ChatRequestValidator validator;
    private final RequestTagReader tags;
    private final StoredTags storedTags;
    private final PiiScanner scanner;
    private final Predicate<String> routable;
    private final Offload offload;
    private final long maxBodyBytes;

    /**
     * Creates the filter.
     *
     * @param validator the body validator
     * @param tags the tag reader
     * @param scanner finds PII in the tags and the model name
     * @param routable whether the configuration routes a model name
     * @param offload moves parsing a large body off the event loop
     * @param maxBodyBytes the body limit, for the message when a body is over it
     */
    public ValidateFilter(
            ChatRequestValidator validator,
            RequestTagReader tags,
            PiiScanner scanner,
            Predicate<String> routable,
            Offload offload,
            long maxBodyBytes) {
        this.validator = validator;
        this.tags = tags;
        this.storedTags = new StoredTags(scanner);
        this.scanner = scanner;
        this.routable = routable;
        this.offload = offload;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        if (exchange.request().oversized()) {
            return Step.reject(Rejection.of(
                    ErrorCode.REQUEST_TOO_LARGE, "the request body is over the limit of " + maxBodyBytes + " bytes"));
        }
        Optional<String> notJson = mediaTypeProblem(exchange.request().header("Content-Type"));
        if (notJson.isPresent()) {
            return Step.reject(Rejection.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, notJson.get()));
        }
        byte[] raw = exchange.request().body();
        return offload.run(raw.length, () -> validator.validate(raw)).map(r -> accept(exchange, r));
    }

    private Step accept(Exchange exchange, ChatRequestValidator.Result r) {
        if (r.rejection() != null) {
            return new Step.Reject(r.rejection());
        }
        Optional<String> inModel = personalData(r.model());
        String recorded = inModel.isPresent() ? WITHHELD_MODEL : routable.test(r.model()) ? r.model() : UNLISTED_MODEL;
        exchange.body(r.body(), r.model(), recorded);
        RequestTagReader.Result t = tags.read(exchange.request(), r.body());
        if (t.problem() != null) {
            return new Step.Reject(Rejection.invalid(t.problem()));
        }
        exchange.tags(storedTags.of(t.tags(), exchange.workspace().operator()), t.headerOnly());
        if (inModel.isPresent()) {
            String reason = "PII detected in the model name: " + inModel.get();
            return new Step.Reject(Rejection.block(
                    ErrorCode.PII_BLOCKED,
                    "the model name holds personal data; send the name of a model, and the data in a message",
                    reason));
        }
        return Step.CONTINUE;
    }

    /**
     * What personal data a model name holds, if any. A model name goes upstream as it is and cannot
     * be redacted, so any finding refuses the call; so does a run of ten or more digits, which no
     * model is named with and which an identity number, a card or a phone number is.
     */
    private Optional<String> personalData(String model) {
        List<PiiFinding> found = scanner.scan(model);
        if (!found.isEmpty()) {
            return Optional.of(found.get(0).type().name());
        }
        return LONG_NUMBER.matcher(model).find() ? Optional.of("a number of ten or more digits") : Optional.empty();
    }

    /** A body is JSON when it says so, or says nothing; anything else is refused, not guessed at. */
    static Optional<String> mediaTypeProblem(Optional<String> contentType) {
        if (contentType.isEmpty() || contentType.get().isBlank()) {
            return Optional.empty();
        }
        String[] parts = contentType.get().split(";", -1);
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean json = type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
        if (!json) {
            return Optional.of("the request body must be sent as Content-Type: application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=")
                    && !param.substring(8).replace("\"", "").equals("utf-8")) {
                return Optional.of("the request body must be UTF-8 (Content-Type: application/json; charset=utf-8)");
            }
        }
        return Optional.empty();
    }
}
