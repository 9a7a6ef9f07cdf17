package io.monago.atrium.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.DigitRuns;

/**
 * Masks a tool call's arguments before an {@link ApprovalHandler} sees them. The SDK has no PII
 * scanner of its own (the gateway has, and the guard library): the model only ever saw redacted
 * text, but a gateway in reversible mode restores the caller's own values in the answer, tool-call
 * arguments included, so the arguments that reach the SDK can hold real identifiers.
 *
 * <p>The default, {@link #maskDigitRuns()}, is a cheap net for the identifiers that matter most in
 * Indonesia (NIK, phone, card and account numbers are long digit runs); plug in a real detector,
 * such as the guard library's {@code PiiRedactor}, for names or addresses.
 *
 * <pre>{@code
 * Runner runner = Runner.builder(client).argumentRedactor(args -> myScanner.redact(args)).build();
 * }</pre>
 */
@FunctionalInterface
public interface ArgumentRedactor {

    /**
     * Masks the arguments.
     *
     * @param arguments the arguments, a copy the redactor may change
     * @return the masked arguments
     */
    JsonNode redact(JsonNode arguments);

    /**
     * Masks every run of six or more digits (spaces, dots and dashes between them allowed) in every
     * string, keeping its last four: {@code 3201234567890123} reads {@code ************0123}.
     *
     * @return the redactor
     */
    static ArgumentRedactor maskDigitRuns() {
        return DigitRuns::mask;
    }

    /**
     * Shows the arguments as they are.
     *
     * @return the redactor
     */
    static ArgumentRedactor none() {
        return arguments -> arguments;
    }
}
