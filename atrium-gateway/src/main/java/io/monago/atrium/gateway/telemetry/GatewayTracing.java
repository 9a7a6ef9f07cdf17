package io.monago.atrium.gateway.telemetry;

import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.chain.Filter;
import java.util.Optional;

/**
 * How the chat chain is traced. {@link #OFF} hands every filter and the endpoint back unchanged and
 * has no server filter, so a gateway without tracing builds the very chain it builds today: no span
 * objects, no context to carry.
 *
 * <pre>{@code
 * GatewayTracing tracing = OtelTracing.export(config.telemetry());
 * Filter inspect = tracing.span("atrium.inspect", new InspectInputFilter(scanner, offload));
 * }</pre>
 */
public interface GatewayTracing {

    /** No tracing. */
    GatewayTracing OFF = new GatewayTracing() {};

    /**
     * The filter that opens each call's server span, continuing the caller's {@code traceparent};
     * it goes first in the chain.
     *
     * @return the filter, or empty when tracing is off
     */
    default Optional<Filter> server() {
        return Optional.empty();
    }

    /**
     * A filter whose request half runs in a child span, and its answer half, when it has one, in
     * another ({@code name + ".answer"}).
     *
     * @param name the span's name
     * @param filter the filter
     * @return the traced filter, or the filter itself when tracing is off
     */
    default Filter span(String name, Filter filter) {
        return filter;
    }

    /**
     * A filter whose answer half (only) runs in a child span: for a filter whose request half does
     * nothing worth a span, such as the audit filter, whose answer half writes the record.
     *
     * @param name the span's name
     * @param filter the filter
     * @return the traced filter, or the filter itself when tracing is off
     */
    default Filter answerSpan(String name, Filter filter) {
        return filter;
    }

    /**
     * The provider call in a GenAI client span.
     *
     * @param endpoint the provider call
     * @return the traced call, or the call itself when tracing is off
     */
    default Endpoint providerCall(Endpoint endpoint) {
        return endpoint;
    }
}
