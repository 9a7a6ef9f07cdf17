package io.monago.atrium.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * Why the model stopped generating a choice: {@code stop}, {@code length}, {@code tool_calls},
 * {@code content_filter} or the deprecated {@code function_call}. A reason this SDK does not know
 * yet (a provider may add one) is kept as sent: {@link #value()} reads it and {@link #known()} is
 * empty, so reading an answer never fails on it.
 *
 * <pre>{@code
 * Choice first = completion.choices().get(0);
 * if (first.finishReason().filter(FinishReason.TOOL_CALLS::equals).isPresent()) {
 *     first.message().toolCalls().forEach(this::dispatch);
 * }
 * switch (first.finishReason().flatMap(FinishReason::known).orElse(FinishReason.Known.STOP)) {
 *     case LENGTH -> log.warn("answer cut at max_tokens");
 *     default -> { }
 * }
 * }</pre>
 */
public final class FinishReason {

    /** The reasons this SDK knows, for {@code switch}. */
    public enum Known {
        /** The model finished, or met a stop sequence. */
        STOP("stop"),
        /** {@code max_tokens} or the context length cut the answer. */
        LENGTH("length"),
        /** The model called tools. */
        TOOL_CALLS("tool_calls"),
        /** A content filter withheld part of the answer. */
        CONTENT_FILTER("content_filter"),
        /** The model called a function (deprecated {@code functions} API). */
        FUNCTION_CALL("function_call");

        private final String wire;

        Known(String wire) {
            this.wire = wire;
        }

        /**
         * The word sent on the wire.
         *
         * @return e.g. {@code tool_calls}
         */
        public String value() {
            return wire;
        }
    }

    /** {@code stop}. */
    public static final FinishReason STOP = new FinishReason(Known.STOP.value());
    /** {@code length}. */
    public static final FinishReason LENGTH = new FinishReason(Known.LENGTH.value());
    /** {@code tool_calls}. */
    public static final FinishReason TOOL_CALLS = new FinishReason(Known.TOOL_CALLS.value());
    /** {@code content_filter}. */
    public static final FinishReason CONTENT_FILTER = new FinishReason(Known.CONTENT_FILTER.value());
    /** {@code function_call}. */
    public static final FinishReason FUNCTION_CALL = new FinishReason(Known.FUNCTION_CALL.value());

    private final String value;

    private FinishReason(String value) {
        this.value = value;
    }

    /**
     * The reason for a wire word, known or not.
     *
     * @param value the word as sent, e.g. {@code stop}
     * @return the reason; equal to the constant of the same word
     */
    public static FinishReason of(String value) {
        return new FinishReason(Objects.requireNonNull(value, "value"));
    }

    /**
     * The word as sent.
     *
     * @return e.g. {@code stop}, or an unknown word unchanged
     */
    public String value() {
        return value;
    }

    /**
     * The reason as an enum, when this SDK knows it.
     *
     * @return the known reason, or empty for a word this SDK does not know (compared exactly)
     */
    public Optional<Known> known() {
        for (Known k : Known.values()) {
            if (k.wire.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FinishReason f && value.equals(f.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** {@return the word as sent, so that printing a reason prints {@code stop}} */
    @Override
    public String toString() {
        return value;
    }
}
