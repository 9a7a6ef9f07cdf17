package io.monago.atrium.gateway.validate;

import io.monago.atrium.gateway.chat.TextSlot;
import io.monago.atrium.gateway.exchange.RequestTags;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.redact.RedactionOperator;
import io.monago.atrium.guard.redact.RedactionSession;
import io.monago.atrium.protocol.RequestLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form in which a call's tags are kept on its audit record: every PII value in the end user,
 * the session and the metadata (keys and values) replaced, whatever the policy does with the call
 * (a value policy only flags is still never stored), and the {@code Idempotency-Key} kept as its
 * SHA-256, since a careless caller may send a secret there.
 */
final class StoredTags {

    private final PiiScanner scanner;

    StoredTags(PiiScanner scanner) {
        this.scanner = scanner;
    }

    RequestTags of(RequestTags sent, RedactionOperator operator) {
        RedactionSession session =
                RedactionSession.builder().operator(operator).reversible(false).build();
        Map<String, String> metadata = new LinkedHashMap<>();
        sent.metadata().forEach((k, v) -> metadata.put(clean("", k, session), clean(k, v, session)));
        Optional<String> sessionId = Optional.ofNullable(metadata.get(RequestLimits.SESSION_ID_KEY));
        return new RequestTags(
                sent.user().map(u -> clean("user", u, session)),
                sessionId,
                metadata,
                sent.traceId(),
                sent.idempotencyKey().map(StoredTags::hash));
    }

    /** An identifier, read with its name in front as context, as inspection reads it. */
    private String clean(String name, String value, RedactionSession session) {
        String context = TextSlot.identifierContext(name);
        String text = context + value;
        List<PiiFinding> own = new ArrayList<>();
        for (PiiFinding f : scanner.scan(text)) {
            if (f.start() >= context.length()) {
                own.add(f);
            }
        }
        return own.isEmpty() ? value : session.redact(text, own).substring(context.length());
    }

    static String hash(String idempotencyKey) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
