package io.monago.atrium.internal;

import io.monago.atrium.LogLevel;
import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Logs each attempt: the request line, then the status (or failure), time and audit id. At DEBUG
 * it adds the headers, printing only values known to be harmless: the API key, custom credentials
 * and user tags show as {@code [redacted]}. Bodies are never logged.
 *
 * <p>Internal: not part of the public API.
 */
public final class LoggingStep implements Step {

    private static final Set<String> PRINTABLE = lowerCase(Set.of(
            "Content-Type",
            "Content-Length",
            "Accept",
            "User-Agent",
            "Date",
            "Server",
            ProtocolHeaders.IDEMPOTENCY_KEY,
            ProtocolHeaders.TRACEPARENT,
            ProtocolHeaders.RETRY_AFTER,
            ProtocolHeaders.RETRY_AFTER_MS,
            "X-Request-Id",
            ProtocolHeaders.AUDIT_ID,
            ProtocolHeaders.PII_DETECTED,
            ProtocolHeaders.PII_REDACTED,
            ProtocolHeaders.POLICY_DECISION,
            ProtocolHeaders.PROVIDER,
            ProtocolHeaders.LATENCY_MS,
            ProtocolHeaders.COST_IDR,
            ProtocolHeaders.SECURITY_INCIDENT,
            ProtocolHeaders.BLOCK_REASON));

    private final Log log;

    /**
     * Creates the step.
     *
     * @param log where lines go
     */
    public LoggingStep(Log log) {
        this.log = log;
    }

    @Override
    public CompletableFuture<AtriumResponse> handle(StepChain chain) {
        AtriumRequest request = chain.request();
        String line = request.method() + " " + request.uri();
        log.log(LogLevel.INFO, () -> "--> " + line);
        log.log(LogLevel.DEBUG, () -> "--> headers " + describe(request.headers()));
        long start = System.nanoTime();
        return chain.proceed(request).whenComplete((response, error) -> {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (error != null) {
                Throwable failure = Failures.unwrap(error);
                log.log(
                        LogLevel.INFO,
                        () -> "<-- failed " + line + " after " + millis + " ms: "
                                + failure.getClass().getSimpleName() + ": " + failure.getMessage());
                return;
            }
            log.log(
                    LogLevel.INFO,
                    () -> "<-- " + response.statusCode() + " " + line + " (" + millis + " ms, audit "
                            + response.header(ProtocolHeaders.AUDIT_ID).orElse("-") + ")");
            log.log(LogLevel.DEBUG, () -> "<-- headers " + describe(response.headers()));
        });
    }

    static String describe(Map<String, List<String>> headers) {
        StringBuilder b = new StringBuilder("[");
        headers.forEach((name, values) -> {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(name).append('=');
            b.append(PRINTABLE.contains(name.toLowerCase(Locale.ROOT)) ? String.join(",", values) : "[redacted]");
        });
        return b.append(']').toString();
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> out = new TreeSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }
}
