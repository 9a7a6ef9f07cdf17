package io.monago.atrium.guard.pii.scan;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.pii.names.NameWords;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.TokenRecognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.AddressRecognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.ContextWords;
import io.monago.atrium.guard.pii.recognizer.builtin.EmailRecognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.Ipv6Recognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.PemBlockRecognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.PersonRecognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.SecretAssignmentRecognizer;
import io.monago.atrium.guard.pii.recognizer.builtin.SecretPrefixRecognizer;
import io.monago.atrium.guard.pii.text.FoldedText;
import io.monago.atrium.guard.pii.text.KeywordTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The compiled, immutable form of a scanner's configuration: number recognisers indexed by digit
 * count, token recognisers, and which anchored detectors are on. Thread-safe; each
 * {@link #scan} runs a fresh single pass over the text.
 *
 * <p>This is the engine behind {@link io.monago.atrium.guard.pii.PiiScanner}; use that.
 */
public final class ScanEngine {
    final int enabled;
    final DigitRecognizer[][] byLength;
    final TokenRecognizer[] tokens;
    final KeywordTable words = ContextWords.table();
    final SecretPrefixRecognizer secretPrefixes = new SecretPrefixRecognizer();
    final EmailRecognizer email = new EmailRecognizer();
    final Ipv6Recognizer ipv6 = new Ipv6Recognizer();
    final PemBlockRecognizer pem = new PemBlockRecognizer();
    final SecretAssignmentRecognizer assignment = new SecretAssignmentRecognizer();
    final PersonRecognizer person = new PersonRecognizer();
    final AddressRecognizer address = new AddressRecognizer();
    final KeywordTable nameWords = NameWords.table();

    private ScanEngine(int enabled, DigitRecognizer[][] byLength, TokenRecognizer[] tokens) {
        this.enabled = enabled;
        this.byLength = byLength;
        this.tokens = tokens;
    }

    /**
     * Compiles a configuration.
     *
     * @param entities the entity types to report
     * @param digitRecognizers number recognisers; those of other types are left out
     * @param tokenRecognizers token recognisers; those of other types are left out
     * @return the engine
     * @throws IllegalArgumentException when a number recogniser's digit range is outside
     *     {@code 1..}{@value DigitRecognizer#MAX_DIGITS}
     */
    public static ScanEngine create(
            Collection<EntityType> entities,
            List<? extends DigitRecognizer> digitRecognizers,
            List<? extends TokenRecognizer> tokenRecognizers) {
        int enabled = 0;
        for (EntityType t : entities) {
            enabled |= t.bit();
        }
        for (DigitRecognizer r : digitRecognizers) {
            if (r.minDigits() < 1 || r.maxDigits() > DigitRecognizer.MAX_DIGITS || r.minDigits() > r.maxDigits()) {
                throw new IllegalArgumentException(r.getClass().getName() + " accepts " + r.minDigits() + ".."
                        + r.maxDigits() + " digits; the range must lie within 1.." + DigitRecognizer.MAX_DIGITS);
            }
        }
        DigitRecognizer[][] byLength = new DigitRecognizer[DigitRecognizer.MAX_DIGITS + 1][];
        for (int len = 0; len <= DigitRecognizer.MAX_DIGITS; len++) {
            List<DigitRecognizer> list = new ArrayList<>();
            for (DigitRecognizer r : digitRecognizers) {
                if ((r.type().bit() & enabled) != 0 && r.minDigits() <= len && len <= r.maxDigits()) {
                    list.add(r);
                }
            }
            byLength[len] = list.toArray(new DigitRecognizer[0]);
        }
        List<TokenRecognizer> tokens = new ArrayList<>();
        for (TokenRecognizer r : tokenRecognizers) {
            if ((r.type().bit() & enabled) != 0) {
                tokens.add(r);
            }
        }
        return new ScanEngine(enabled, byLength, tokens.toArray(new TokenRecognizer[0]));
    }

    boolean enabled(EntityType type) {
        return (enabled & type.bit()) != 0;
    }

    /**
     * Scans a text.
     *
     * @param text any text
     * @return non-overlapping findings in text order, offsets into {@code text}
     */
    public List<PiiFinding> scan(CharSequence text) {
        if (text.length() == 0) {
            return List.of();
        }
        char[] folded = FoldedText.fold(text);
        ScanPass pass = new ScanPass(this, text, folded);
        List<PiiFinding> found = pass.run();
        // The main pass counted digit words and long tokens as it went: most texts have neither.
        if (pass.mayHoldSpelledNumber()) {
            found = SpelledDigits.addTo(this, text, folded, found);
        }
        return pass.mayHoldEncodedValue() ? EncodedValues.addTo(this, text, folded, found) : found;
    }

    /**
     * Scans the texts of one conversation, in order; a value split between neighbours is reported
     * in both.
     *
     * @param texts the texts, in conversation order
     * @return each text's findings, in text order, offsets into that text
     */
    public List<List<PiiFinding>> scanConversation(List<? extends CharSequence> texts) {
        return SplitValues.scan(this, texts);
    }
}
