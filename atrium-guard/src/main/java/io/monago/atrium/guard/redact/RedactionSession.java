package io.monago.atrium.guard.redact;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Redaction for one request: every text segment of the request, and the model's answer, go through
 * the same session, so a value gets the same placeholder wherever it appears ({@code [NIK_1]} in
 * the system prompt and in a tool result) and different values get different numbers.
 *
 * <p>In reversible mode the session remembers, in memory only, which original each placeholder
 * stands for, and {@link #restore} puts the originals back into the answer for the caller: the
 * provider never sees them. Drop the session when the request ends; nothing is persisted, and
 * {@link #toString()} shows counts, never values.
 *
 * <pre>{@code
 * RedactionSession session = RedactionSession.reversible();
 * for (TextSegment s : segments) {
 *     PiiVerdict v = policy.evaluate(scanner.scan(s.text()));
 *     rewrite(s.path(), session.redact(s.text(), v.toReplace()));  // "Pasien NIK [NIK_1] ..."
 * }
 * String answer = session.redactOutput(upstreamAnswer, outputFindings);  // PII the model produced
 * answer = session.restore(answer);                                       // "[NIK_1]" back to the NIK
 * }</pre>
 *
 * <p>Thread-safe (its methods are synchronized), though a request normally uses it from one thread
 * at a time.
 */
public final class RedactionSession {
    private static final int HASH_HEX_CHARS = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final RedactionOperator defaultOperator;
    private final Map<EntityType, RedactionOperator> operators;
    private final boolean reversible;
    private final Map<String, String> placeholderByValue = new HashMap<>();
    private final Map<String, String> originalByPlaceholder = new HashMap<>();
    private final int[] numbers = new int[EntityType.values().length];
    private final int[] counts = new int[EntityType.values().length];
    private final int[] outputCounts = new int[EntityType.values().length];
    private int longestPlaceholder;
    private MessageDigest sha256;

    private RedactionSession(Builder b) {
        this.defaultOperator = b.defaultOperator;
        this.operators = new EnumMap<>(b.operators);
        this.reversible = b.reversible;
    }

    /**
     * A session that replaces every finding with a placeholder and can restore the originals.
     *
     * @return a new session
     */
    public static RedactionSession reversible() {
        return builder().reversible(true).build();
    }

    /**
     * A session that replaces every finding with a placeholder and forgets the originals.
     *
     * @return a new session
     */
    public static RedactionSession oneWay() {
        return builder().build();
    }

    /**
     * Starts a session: placeholders for every type, not reversible, unless set otherwise.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Redacts the findings of one text.
     *
     * @param text the text that was scanned
     * @param findings findings of {@code text} to redact, in text order, not overlapping (as
     *     {@code PiiScanner.scan} returns them, possibly filtered)
     * @return the text with every finding replaced by its operator's output
     * @throws IllegalArgumentException when a finding lies outside the text or findings overlap
     */
    public synchronized String redact(CharSequence text, List<PiiFinding> findings) {
        return replace(text, findings, true);
    }

    /**
     * Redacts the findings of a model's answer. Placeholders issued here are never restored: the
     * caller did not send these values, and the policy says they must not reach it. Scan and redact
     * the raw answer first, then {@link #restore} the request's placeholders.
     *
     * @param text the model's answer, as the upstream sent it
     * @param findings findings of {@code text} to redact, in text order, not overlapping
     * @return the answer with every finding replaced
     * @throws IllegalArgumentException when a finding lies outside the text or findings overlap
     */
    public synchronized String redactOutput(CharSequence text, List<PiiFinding> findings) {
        return replace(text, findings, false);
    }

    private String replace(CharSequence text, List<PiiFinding> findings, boolean input) {
        Objects.requireNonNull(text, "text");
        if (findings.isEmpty()) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
        int copied = 0;
        for (PiiFinding f : findings) {
            if (f.start() < copied || f.end() > text.length()) {
                throw new IllegalArgumentException(
                        "findings must be in text order, inside the text and not overlap; got "
                                + f.type() + " at [" + f.start() + ", " + f.end() + ") for a text of " + text.length()
                                + " chars");
            }
            out.append(text, copied, f.start());
            out.append(
                    replacement(f.type(), text.subSequence(f.start(), f.end()).toString(), input));
            @SuppressWarnings("EnumOrdinal") // the counters are int arrays indexed by ordinal
            int slot = f.type().ordinal();
            (input ? counts : outputCounts)[slot]++;
            copied = f.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    private String replacement(EntityType type, String value, boolean restorable) {
        RedactionOperator op = operators.getOrDefault(type, defaultOperator);
        if (op instanceof RedactionOperator.Mask masking) {
            return mask(masking, value);
        }
        if (op instanceof RedactionOperator.SaltedHash hashing) {
            return hash(hashing, type, CanonicalValue.of(type, value));
        }
        if (op == RedactionOperator.remove()) {
            return "";
        }
        return placeholder(type, value, restorable);
    }

    private String placeholder(EntityType type, String value, boolean restorable) {
        String key = type.name() + '\u0000' + CanonicalValue.of(type, value);
        String placeholder = placeholderByValue.get(key);
        if (placeholder == null) {
            @SuppressWarnings("EnumOrdinal") // the counters are int arrays indexed by ordinal
            int number = ++numbers[type.ordinal()];
            placeholder = "[" + type.name() + "_" + number + "]";
            placeholderByValue.put(key, placeholder);
            longestPlaceholder = Math.max(longestPlaceholder, placeholder.length());
            if (reversible && restorable) {
                originalByPlaceholder.put(placeholder, value);
            }
        }
        return placeholder;
    }

    private static String mask(RedactionOperator.Mask op, String value) {
        int total = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                total++;
            }
        }
        // A short value (an IPv4 address, a short IPv6 one) would come out whole, or nearly, under
        // the kept edges: at least half of its letters and digits are masked, the end kept first.
        int half = total / 2;
        int keepEnd = Math.min(op.keepEnd(), half);
        int keepStart = Math.min(op.keepStart(), half - keepEnd);
        StringBuilder b = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                b.append(c);
                continue;
            }
            boolean keep = seen < keepStart || seen >= total - keepEnd;
            b.append(keep ? c : op.maskChar());
            seen++;
        }
        return b.toString();
    }

    private String hash(RedactionOperator.SaltedHash op, EntityType type, String canonical) {
        if (sha256 == null) {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }
        sha256.update(op.salt());
        sha256.update(type.name().getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) 0);
        byte[] digest = sha256.digest(canonical.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[HASH_HEX_CHARS];
        for (int i = 0; i < HASH_HEX_CHARS / 2; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return "[" + type.name() + ":" + new String(hex) + "]";
    }

    /**
     * Puts the originals back in place of the placeholders this session issued. Text that merely
     * looks like a placeholder but was not issued here is left alone.
     *
     * @param text a whole answer
     * @return the answer with originals restored
     * @throws IllegalStateException when the session is not reversible
     */
    public synchronized String restore(CharSequence text) {
        if (!reversible) {
            throw new IllegalStateException("this redaction session is not reversible");
        }
        String s = text.toString();
        int open = s.indexOf('[');
        if (open < 0 || originalByPlaceholder.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        while (open >= 0) {
            int close = closeWithin(s, open);
            String original = close < 0 ? null : originalByPlaceholder.get(s.substring(open, close + 1));
            if (original != null) {
                out.append(s, copied, open).append(original);
                copied = close + 1;
                open = s.indexOf('[', copied);
            } else {
                open = s.indexOf('[', open + 1);
            }
        }
        return out.append(s, copied, s.length()).toString();
    }

    /** The {@code ]} closing a placeholder-sized bracket at {@code open}, or -1; bounded, so restore stays linear. */
    private int closeWithin(String s, int open) {
        int limit = Math.min(s.length(), open + longestPlaceholder);
        for (int i = open + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ']') {
                return i;
            }
            if (c == '[') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A restorer for an answer that arrives in chunks: it holds back a chunk's tail that may be the
     * start of a placeholder ({@code "... [NI"}) until the next chunk completes it.
     *
     * @return a new restorer bound to this session
     * @throws IllegalStateException when the session is not reversible
     */
    public StreamingRestorer streamingRestorer() {
        if (!reversible) {
            throw new IllegalStateException("this redaction session is not reversible");
        }
        return new StreamingRestorer(this);
    }

    synchronized int longestPlaceholder() {
        return longestPlaceholder;
    }

    /**
     * Whether {@link #restore} can put originals back.
     *
     * @return true in reversible mode
     */
    public boolean isReversible() {
        return reversible;
    }

    /**
     * How many findings this session has redacted in the request, per type, over every call to
     * {@link #redact}.
     *
     * @return counts in entity-type order, types with no finding left out
     */
    public synchronized Map<EntityType, Integer> counts() {
        return countsOf(counts);
    }

    /**
     * How many findings this session has redacted in the answer, per type, over every call to
     * {@link #redactOutput}.
     *
     * @return counts in entity-type order, types with no finding left out
     */
    public synchronized Map<EntityType, Integer> outputCounts() {
        return countsOf(outputCounts);
    }

    private static Map<EntityType, Integer> countsOf(int[] byType) {
        Map<EntityType, Integer> m = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            @SuppressWarnings("EnumOrdinal") // the counters are int arrays indexed by ordinal
            int count = byType[t.ordinal()];
            if (count > 0) {
                m.put(t, count);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Counts only; never a value or a placeholder's meaning. */
    @Override
    public synchronized String toString() {
        return "RedactionSession[reversible=" + reversible + ", placeholders=" + placeholderByValue.size()
                + ", redacted=" + counts() + ", redactedInOutput=" + outputCounts() + "]";
    }

    /** Chooses operators and reversibility. */
    public static final class Builder {
        private RedactionOperator defaultOperator = RedactionOperator.placeholder();
        private final Map<EntityType, RedactionOperator> operators = new EnumMap<>(EntityType.class);
        private boolean reversible;

        private Builder() {}

        /**
         * Sets the operator for every type without one of its own.
         *
         * @param operator the operator
         * @return this builder
         */
        public Builder operator(RedactionOperator operator) {
            this.defaultOperator = Objects.requireNonNull(operator, "operator");
            return this;
        }

        /**
         * Sets the operator of one type.
         *
         * @param type the entity type
         * @param operator its operator
         * @return this builder
         */
        public Builder operator(EntityType type, RedactionOperator operator) {
            operators.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(operator, "operator"));
            return this;
        }

        /**
         * Whether to remember originals so that {@link RedactionSession#restore} works.
         *
         * @param reversible true to remember
         * @return this builder
         */
        public Builder reversible(boolean reversible) {
            this.reversible = reversible;
            return this;
        }

        /**
         * Builds the session.
         *
         * @return a new, empty session
         */
        public RedactionSession build() {
            return new RedactionSession(this);
        }
    }
}
