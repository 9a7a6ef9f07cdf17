package io.monago.atrium.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.validate.RequestJson;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@link RequestJson#read} on any bytes: it returns a JSON value or throws {@link RequestJson.Invalid},
 * nothing else; and its strict UTF-8 check agrees with the JDK's decoder set to report malformed
 * input: the bytes are refused as UTF-8 exactly when the decoder reports them, at the byte where the
 * decoder stops, and bytes the decoder accepts are never called bad UTF-8.
 */
class RequestJsonFuzzTest {

    private static final RequestJson JSON = new RequestJson();
    private static final String WHAT = "the request body";

    @FuzzTest(maxDuration = "15s")
    @DictionaryFile(resourcePath = "chat-request.dict")
    void read(byte[] input) {
        int malformedAt = firstMalformed(input);
        try {
            JsonNode node = JSON.read(input, WHAT);

            assertThat(malformedAt)
                    .as("where the JDK's decoder finds malformed UTF-8")
                    .isEqualTo(-1);
            assertThat(node.isMissingNode()).isFalse();
        } catch (RequestJson.Invalid e) {
            if (malformedAt >= 0) {
                assertThat(e.getMessage()).startsWith(WHAT + " is not valid UTF-8 (byte " + malformedAt + ")");
            } else {
                assertThat(e.getMessage()).startsWith(WHAT + " ").doesNotContain("UTF-8");
            }
        }
    }

    /** The offset at which a strict decoder stops, or -1 when the bytes are well-formed UTF-8. */
    private static int firstMalformed(byte[] input) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(input);
        CharBuffer out = CharBuffer.allocate(input.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        return result.isError() ? in.position() : -1;
    }
}
