package io.monago.atrium.guard.pii;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.TokenRecognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.Recognizers;
import io.monago.atrium.guard.pii.scan.ScanEngine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds personal data and secrets in text. Immutable and thread-safe: build one at start-up and
 * share it.
 *
 * <pre>{@code
 * PiiScanner scanner = PiiScanner.defaults();
 * List<PiiFinding> findings = scanner.scan("Pasien NIK 3201234567890123, HP 0812-3456-7890");
 * // [NIK 11..27 nik.context, PHONE 32..46 phone.id-mobile]
 *
 * PiiScanner cardsOnly = PiiScanner.builder().entities(EntityType.CREDIT_CARD, EntityType.IBAN).build();
 * }</pre>
 *
 * <p>How it works: the text is folded (full-width and other-script digits to ASCII, invisible
 * characters marked) one character for one, so offsets need no mapping; then one pass classifies
 * each character, walks words (looking each up once in a table of context words), collects runs of
 * digit groups, and starts bounded parsers at a few anchors ({@code @}, {@code +}, {@code -----BEGIN},
 * {@code :}). Recognisers check only those candidates. The time is linear in the text, with no
 * regular expressions.
 *
 * <p>Overlaps are resolved one way: of two overlapping matches the better survives whole and the
 * other is dropped. Better means, in order: backed by a context word for its own type; the nearer
 * such word; the higher confidence; the longer span; the entity type declared first in
 * {@link EntityType}. So {@code kartu kredit 4111 1111 1111 1111} is a card, {@code NIK
 * 3578...} is a NIK even if it passes Luhn, and a bare 16-digit number that is both a well-formed
 * NIK and a Luhn-valid card number is a NIK (the card recogniser lowers its confidence for it).
 */
public final class PiiScanner {
    private static final PiiScanner DEFAULTS = builder().build();

    private final ScanEngine engine;
    private final Set<EntityType> entities;

    private PiiScanner(Builder b) {
        this.entities = Collections.unmodifiableSet(EnumSet.copyOf(b.entities));
        this.engine = ScanEngine.create(b.entities, b.digitRecognizers, b.tokenRecognizers);
    }

    /**
     * The scanner with every entity type and every recogniser.
     *
     * @return a shared instance
     */
    public static PiiScanner defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a scanner with every entity type and every built-in recogniser.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scans a text.
     *
     * @param text any text; an empty text has no findings
     * @return non-overlapping findings in text order, with offsets into {@code text}
     */
    public List<PiiFinding> scan(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return engine.scan(text);
    }

    /**
     * Scans the texts of one conversation in order, as a model reads them: each as by {@link
     * #scan}, and a value split between the end of one text and the start of the next is reported in
     * both, each text holding its own part.
     *
     * <pre>{@code
     * scanner.scanConversation(List.of("NIK saya 3201234567", "890123"));
     * // [[NIK 9..19 nik.context.split], [NIK 0..6 nik.context.split]]
     * }</pre>
     *
     * @param texts the texts, in conversation order
     * @return each text's findings, in text order, with offsets into that text
     */
    public List<List<PiiFinding>> scanConversation(List<? extends CharSequence> texts) {
        Objects.requireNonNull(texts, "texts");
        return engine.scanConversation(texts);
    }

    /**
     * The entity types this scanner reports.
     *
     * @return an unmodifiable set
     */
    public Set<EntityType> entities() {
        return entities;
    }

    /** Chooses entity types and adds recognisers. */
    public static final class Builder {
        private Set<EntityType> entities = EnumSet.allOf(EntityType.class);
        private final List<DigitRecognizer> digitRecognizers = new ArrayList<>(Recognizers.digitRecognizers());
        private final List<TokenRecognizer> tokenRecognizers = new ArrayList<>(Recognizers.tokenRecognizers());

        private Builder() {}

        /**
         * Reports only these entity types.
         *
         * @param types at least one type
         * @return this builder
         */
        public Builder entities(EntityType... types) {
            return entities(List.of(types));
        }

        /**
         * Reports only these entity types.
         *
         * @param types at least one type
         * @return this builder
         */
        public Builder entities(Collection<EntityType> types) {
            if (types.isEmpty()) {
                throw new IllegalArgumentException("at least one entity type is required");
            }
            this.entities = EnumSet.copyOf(types);
            return this;
        }

        /**
         * Stops reporting these entity types.
         *
         * @param types types to leave out
         * @return this builder
         */
        public Builder without(EntityType... types) {
            Set<EntityType> remaining = EnumSet.copyOf(entities);
            remaining.removeAll(List.of(types));
            return entities(remaining);
        }

        /**
         * Adds a number recogniser, e.g. for a hospital's own record-number format.
         *
         * @param recognizer a stateless, thread-safe recogniser
         * @return this builder
         */
        public Builder addRecognizer(DigitRecognizer recognizer) {
            digitRecognizers.add(Objects.requireNonNull(recognizer, "recognizer"));
            return this;
        }

        /**
         * Adds a compound-token recogniser, e.g. for an in-house API key format.
         *
         * @param recognizer a stateless, thread-safe recogniser
         * @return this builder
         */
        public Builder addRecognizer(TokenRecognizer recognizer) {
            tokenRecognizers.add(Objects.requireNonNull(recognizer, "recognizer"));
            return this;
        }

        /**
         * Builds the scanner.
         *
         * @return an immutable scanner
         */
        public PiiScanner build() {
            return new PiiScanner(this);
        }
    }
}
