package io.monago.atrium.telemetry;

import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;

/**
 * Sees each call the client makes and each try of it: the call once, outside the retries; every
 * try inside them, with the request it is about to send (which it may change, for example to carry
 * a {@code traceparent}). A client with no telemetry runs no such step at all.
 *
 * <pre>{@code
 * Atrium client = Atrium.builder()
 *         .addTelemetry(AtriumTracing.create(openTelemetry))   // spans
 *         .addTelemetry(AtriumMetrics.create(meterRegistry))   // Micrometer meters
 *         .build();
 * }</pre>
 */
public interface CallTelemetry {

    /**
     * A call starts.
     *
     * @param request the request, as the client's interceptors will see it
     * @return what watches this call
     */
    Call startCall(AtriumRequest request);

    /** One call, watched. Ended exactly once, with the response or the failure. */
    interface Call {

        /**
         * A try starts.
         *
         * @param request the request about to be sent
         * @param number which try, from 1
         * @return what watches the try
         */
        Attempt startAttempt(AtriumRequest request, int number);

        /**
         * The call ended with an answer (an error status included).
         *
         * @param response the answer; a streamed one has only its head yet
         */
        void end(AtriumResponse response);

        /**
         * The call ended without an answer.
         *
         * @param failure why
         */
        void fail(Throwable failure);
    }

    /** One try of a call, watched. Ended exactly once. */
    interface Attempt {

        /** {@return the request to send for this try} */
        AtriumRequest request();

        /**
         * The try got an answer.
         *
         * @param response the answer
         */
        void end(AtriumResponse response);

        /**
         * The try got no answer.
         *
         * @param failure why
         */
        void fail(Throwable failure);
    }
}
