package io.monago.atrium.internal;

import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import io.monago.atrium.telemetry.CallTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The steps that show calls to {@link CallTelemetry}: one outermost, once per call; one inside the
 * retries, once per try. The pipeline has them only when the client was given telemetry.
 *
 * <p>Internal: not part of the public API.
 */
public final class TelemetrySteps {

    private TelemetrySteps() {}

    /**
     * The step that starts and ends each call's watchers.
     *
     * @param telemetry what watches calls
     * @return the step
     */
    public static Step call(List<CallTelemetry> telemetry) {
        List<CallTelemetry> all = List.copyOf(telemetry);
        return chain -> {
            List<CallTelemetry.Call> calls = new ArrayList<>(all.size());
            for (CallTelemetry t : all) {
                calls.add(t.startCall(chain.request()));
            }
            chain.context().watchedBy(calls);
            return chain.proceed(chain.request()).whenComplete((response, failure) -> {
                for (CallTelemetry.Call c : calls) {
                    if (failure == null) {
                        c.end(response);
                    } else {
                        c.fail(Failures.unwrap(failure));
                    }
                }
            });
        };
    }

    /**
     * The step that shows each try to the call's watchers, and sends the request they hand back.
     *
     * @return the step
     */
    public static Step attempt() {
        return chain -> {
            List<CallTelemetry.Call> calls = chain.context().watchers();
            int number = chain.context().nextAttempt();
            AtriumRequest request = chain.request();
            List<CallTelemetry.Attempt> attempts = new ArrayList<>(calls.size());
            for (CallTelemetry.Call c : calls) {
                CallTelemetry.Attempt a = c.startAttempt(request, number);
                attempts.add(a);
                request = a.request();
            }
            CompletableFuture<AtriumResponse> sent = chain.proceed(request);
            return sent.whenComplete((response, failure) -> {
                for (CallTelemetry.Attempt a : attempts) {
                    if (failure == null) {
                        a.end(response);
                    } else {
                        a.fail(Failures.unwrap(failure));
                    }
                }
            });
        };
    }
}
