package io.monago.atrium.gateway.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Locale;

/**
 * How the gateway reads JSON a caller sent (the request body, the {@code X-Monago-Metadata}
 * header): strict UTF-8, one JSON value and nothing after it, and limits on nesting, numbers and
 * field names, each refused with a message that names the limit and never quotes the input.
 */
public final class RequestJson {

    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Most digits (and sign, point, exponent) in one number. */
    public static final int MAX_NUMBER_CHARS = 100;
    /** Longest field name, in characters. */
    public static final int MAX_FIELD_NAME_CHARS = 1_024;

    private final ObjectReader reader;

    /** Creates the reader with the gateway's limits. */
    public RequestJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxNameLength(MAX_FIELD_NAME_CHARS)
                        .build())
                .build();
        this.reader = new ObjectMapper(factory)
                .readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads one JSON value.
     *
     * @param bytes what the caller sent
     * @param what what it is, for the message ({@code "the request body"})
     * @return the value
     * @throws Invalid with a message for the caller when the bytes are not acceptable JSON
     */
    public JsonNode read(byte[] bytes, String what) throws Invalid {
        int bad = Utf8.firstInvalid(bytes);
        if (bad >= 0) {
            throw new Invalid(what + " is not valid UTF-8 (byte " + bad
                    + "): overlong, out-of-range and surrogate encodings are refused");
        }
        try {
            JsonNode node = reader.readValue(bytes);
            if (node == null || node.isMissingNode()) {
                throw new Invalid(what + " holds no JSON value");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new Invalid(what + " is over a limit: " + limitOf(e));
        } catch (JsonProcessingException e) {
            // The parser's own message can quote the input; only its position is passed on.
            var at = e.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String kind = e.getOriginalMessage() != null
                            && e.getOriginalMessage().toLowerCase(Locale.ROOT).contains("trailing token")
                    ? "holds more than one JSON value"
                    : "is not valid JSON";
            throw new Invalid(what + " " + kind + where);
        } catch (IOException e) {
            throw new Invalid(what + " cannot be read");
        }
    }

    private static String limitOf(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("nesting")) {
            return "objects and arrays nest deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (m.contains("number")) {
            return "a number is longer than " + MAX_NUMBER_CHARS + " characters";
        }
        if (m.contains("name")) {
            return "a field name is longer than " + MAX_FIELD_NAME_CHARS + " characters";
        }
        return "a string is too long";
    }

    /** Bytes that are not acceptable JSON; the message is for the caller. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
