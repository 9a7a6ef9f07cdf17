package io.monago.atrium.guard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.redact.PiiRedactor;
import io.monago.atrium.guard.redact.RedactionOperator;
import io.monago.atrium.guard.redact.RedactionSession;
import io.monago.atrium.guard.redact.StreamingRedactor;

/**
 * {@link StreamingRedactor} on any text cut into any pieces (the input's {@code 0xFE} bytes): it
 * never throws; it never sends a character that redacting the whole text at once hides; and it
 * never holds back more than its bound, nor anything once finished.
 *
 * <p>Redaction here masks every letter and digit of a value, so that the text sent and the whole
 * text redacted line up with the original character for character. On ordinary text the two are
 * the same (unit tests hold that); on contrived text, where what arrives later changes which
 * candidate the scanner prefers, the stream may hide more than the whole text does, never less.
 */
class StreamingRedactorFuzzTest {

    /** The most a stream holds back: an unfinished private key block, {@code StreamingRedactor.MAX_BLOCK}. */
    private static final int MAX_HELD = 16 * 1_024;

    private static final PiiRedactor REDACTOR = PiiRedactor.of(PiiScanner.defaults(), PiiPolicy.defaults());

    @FuzzTest(maxDuration = "15s")
    void redactInPieces(byte[] input) {
        FuzzText in = FuzzText.decode(input);
        String text = in.text();
        String whole = REDACTOR.redactOutput(text, masking()).text();

        StreamingRedactor stream = StreamingRedactor.of(REDACTOR, masking());
        StringBuilder sent = new StringBuilder();
        for (String piece : in.pieces()) {
            sent.append(stream.accept(piece).text());
            assertThat(stream.held()).as("chars held back").isLessThanOrEqualTo(MAX_HELD);
        }
        sent.append(stream.finish().text());

        assertThat(stream.held()).as("chars held back once finished").isZero();
        assertThat(sent).as("the text sent, masked char for char").hasSameSizeAs(text);
        for (int i = 0; i < text.length(); i++) {
            char original = text.charAt(i);
            if (whole.charAt(i) != original && sent.charAt(i) == original) {
                throw new AssertionError("the stream sends the char at " + i + " (" + Character.getName(original)
                        + ") that redacting the whole text hides");
            }
        }
    }

    /** Every letter and digit of a value masked, nothing else changed: the output lines up with the input. */
    private static RedactionSession masking() {
        return RedactionSession.builder().operator(RedactionOperator.mask(0, 0)).build();
    }
}
