package io.monago.atrium.gateway.fuzz;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A fuzz input read as an HTTP request, so that a seed is a readable file: header lines
 * ({@code Name: value}) up to the first empty line, then the body as raw bytes; an input with no
 * empty line is headers up to its last line break and body after it. A header value is what the HTTP
 * layer hands the chain: a char per byte (ISO-8859-1), without the spaces and tabs around it, and
 * with no control character but tab (the HTTP decoder refuses those before any filter runs). A line
 * that is not a header is skipped.
 */
final class HttpInput {

    private final MultiMap headers;
    private final byte[] body;

    HttpInput(MultiMap headers, byte[] body) {
        this.headers = headers;
        this.body = body.clone();
    }

    MultiMap headers() {
        return headers;
    }

    byte[] body() {
        return body.clone();
    }

    static HttpInput parse(byte[] input) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        int at = 0;
        while (at < input.length) {
            int eol = indexOf(input, (byte) '\n', at);
            if (eol < 0) {
                break;
            }
            if (eol == at || (eol == at + 1 && input[at] == '\r')) {
                at = eol + 1;
                break;
            }
            header(new String(input, at, eol - at, StandardCharsets.ISO_8859_1), headers);
            at = eol + 1;
        }
        return new HttpInput(headers, Arrays.copyOfRange(input, at, input.length));
    }

    /** The request as it reaches validation: past authentication, as a key of {@code workspace}. */
    Exchange exchange(WorkspacePolicy workspace, long maxBodyBytes) {
        InboundRequest request =
                body.length > maxBodyBytes ? InboundRequest.oversized(headers) : InboundRequest.of(headers, body);
        Exchange exchange = new Exchange("audit-fuzz", Instant.EPOCH, 0L, "default", request);
        exchange.caller(new Principal("fuzz-key", workspace.id(), false, Optional.empty(), false), workspace);
        return exchange;
    }

    private static void header(String line, MultiMap into) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = line.substring(0, colon);
        if (!name.chars().allMatch(HttpInput::isTokenChar)) {
            return;
        }
        StringBuilder value = new StringBuilder(line.length() - colon);
        for (int i = colon + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c >= 0x20 && c != 0x7F) || c == '\t') {
                value.append(c);
            }
        }
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(value.charAt(end - 1))) {
            end--;
        }
        into.add(name, value.substring(start, end));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 9110 {@code tchar}. */
    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
