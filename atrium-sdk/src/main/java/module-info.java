/**
 * The Atrium SDK: a Java client for governed LLM calls. Start at {@link io.monago.atrium.Atrium}.
 *
 * <p>Every package but {@code io.monago.atrium.internal} is public API. Jackson's tree types
 * ({@code JsonNode}) and the JDK's {@code HttpClient} appear in that API, so a module that requires
 * this one reads theirs too. Nothing is opened for reflection: the SDK reads and writes JSON as
 * trees and binds no classes of its own.
 */
// The optional modules are automatic (their jars name themselves) and are not re-exported: an
// application that uses the telemetry packages has OpenTelemetry or Micrometer itself.
@SuppressWarnings({"requires-automatic", "exports"})
module io.monago.atrium {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;
    // Optional: read only by the telemetry packages, loaded only when an application uses them.
    requires static io.opentelemetry.api;
    requires static io.opentelemetry.context;
    requires static micrometer.core;

    exports io.monago.atrium;
    exports io.monago.atrium.agent;
    exports io.monago.atrium.audit;
    exports io.monago.atrium.chat;
    exports io.monago.atrium.errors;
    exports io.monago.atrium.eval;
    exports io.monago.atrium.http;
    exports io.monago.atrium.models;
    exports io.monago.atrium.protocol;
    exports io.monago.atrium.services;
    exports io.monago.atrium.skill;
    exports io.monago.atrium.tool;
    exports io.monago.atrium.telemetry;
    exports io.monago.atrium.telemetry.micrometer;
    exports io.monago.atrium.telemetry.otel;
}
