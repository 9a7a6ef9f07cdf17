package io.monago.atrium.guard.pii.entity;

import java.util.Objects;

/**
 * One piece of personal data or one secret found in a text.
 *
 * <pre>{@code
 * PiiFinding f = scanner.scan("Pasien NIK 3201234567890123").get(0);
 * f.type();         // NIK
 * f.start();        // 11, an offset into the text that was scanned
 * f.end();          // 27, exclusive
 * f.confidence();   // 0.9: context word "NIK", structure off (month 67)
 * f.rule();         // "nik.context"
 * }</pre>
 *
 * <p>{@link #toString()} shows the type, span, confidence and rule, never the value.
 *
 * @param type what was found
 * @param start offset of the first character in the original text
 * @param end offset after the last character in the original text
 * @param confidence how sure the recogniser is, in (0, 1]
 * @param rule which rule found it, e.g. {@code card.luhn} or {@code nik.context}
 */
public record PiiFinding(EntityType type, int start, int end, double confidence, String rule) {
    /**
     * Validates the span and confidence.
     *
     * @param type what was found
     * @param start offset of the first character
     * @param end offset after the last character
     * @param confidence in (0, 1]
     * @param rule the rule's name
     */
    public PiiFinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rule, "rule");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1], was " + confidence);
        }
    }

    /**
     * The length of the span.
     *
     * @return {@code end - start}
     */
    public int length() {
        return end - start;
    }

    /**
     * The text this finding covers.
     *
     * @param text the text that was scanned
     * @return {@code text[start, end)}
     */
    public String valueIn(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
