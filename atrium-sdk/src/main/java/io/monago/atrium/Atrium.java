package io.monago.atrium;

import io.monago.atrium.errors.AuthException;
import io.monago.atrium.http.Interceptor;
import io.monago.atrium.internal.ApiClient;
import io.monago.atrium.internal.Checks;
import io.monago.atrium.internal.ClientConfig;
import io.monago.atrium.internal.Log;
import io.monago.atrium.internal.Services;
import io.monago.atrium.internal.Sleeper;
import io.monago.atrium.services.Audit;
import io.monago.atrium.services.Chat;
import io.monago.atrium.services.Models;
import io.monago.atrium.telemetry.CallTelemetry;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The Atrium client: an OpenAI-style chat client whose every answer carries its governance. Works
 * against the hosted gateway ({@value #DEFAULT_BASE_URL}) and any gateway that speaks the Atrium
 * protocol. Thread-safe; make one per application and close it on shutdown.
 *
 * <pre>{@code
 * try (Atrium client = Atrium.builder()
 *         .apiKey("sk-mng-your-key")              // or ATRIUM_API_KEY, then MONAGO_API_KEY
 *         .baseUrl("https://api.monago.io/v1")    // or ATRIUM_BASE_URL
 *         .build()) {
 *     ChatCompletion res = client.chat().completions().create(ChatCompletionRequest.builder()
 *             .model("gpt-5.4-mini")
 *             .addUserMessage("Pasien NIK 3201... batuk 2 minggu")
 *             .build());
 *     System.out.println(res.content());
 *     System.out.println(res.governance().piiRedacted());
 * }
 * }</pre>
 */
public final class Atrium implements AutoCloseable {

    /** The hosted gateway, used when neither the builder nor {@value #BASE_URL_ENV} names one. */
    public static final String DEFAULT_BASE_URL = "https://api.monago.io/v1";
    /** Environment variable read for the API key first. */
    public static final String API_KEY_ENV = "ATRIUM_API_KEY";
    /** Environment variable read for the API key when {@value #API_KEY_ENV} is unset. */
    public static final String FALLBACK_API_KEY_ENV = "MONAGO_API_KEY";
    /** Environment variable read for the base URL. */
    public static final String BASE_URL_ENV = "ATRIUM_BASE_URL";
    /** Environment variable read for the log level ({@code debug} or {@code info}). */
    public static final String LOG_ENV = "ATRIUM_LOG";
    /** Per-attempt timeout unless configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Retries after the first attempt unless configured. */
    public static final int DEFAULT_MAX_RETRIES = 2;

    private final ApiClient api;
    private final Chat chat;
    private final Models models;
    private final Audit audit;
    private final AsyncAtrium async;

    private Atrium(ApiClient api) {
        this.api = api;
        this.chat = Services.chat(api);
        this.models = Services.models(api);
        this.audit = Services.audit(api);
        this.async = new AsyncAtrium(api);
    }

    /**
     * A builder. Settings not given fall back to the environment, then to defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured entirely from the environment: {@value #API_KEY_ENV} (else
     * {@value #FALLBACK_API_KEY_ENV}), {@value #BASE_URL_ENV}, {@value #LOG_ENV}.
     *
     * <pre>{@code
     * try (Atrium client = Atrium.fromEnv()) { ... }
     * }</pre>
     *
     * @return the client
     * @throws AuthException when no API key is set
     */
    public static Atrium fromEnv() {
        return builder().build();
    }

    /**
     * The chat endpoints.
     *
     * @return the service
     */
    public Chat chat() {
        return chat;
    }

    /**
     * The models endpoint: which models this key may use.
     *
     * @return the service
     */
    public Models models() {
        return models;
    }

    /**
     * The audit endpoint: a call's audit record by its id.
     *
     * @return the service
     */
    public Audit audit() {
        return audit;
    }

    /**
     * The same client with async methods, sharing this client's connections and settings.
     *
     * @return the async view
     */
    public AsyncAtrium async() {
        return async;
    }

    /**
     * The base URL requests go to.
     *
     * @return the URL, without a trailing slash
     */
    public URI baseUrl() {
        return api.baseUrl();
    }

    /**
     * Refuses new calls and releases the threads this client created. A user-supplied
     * {@link HttpClient} or executor is left running. Calls in flight finish.
     */
    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return "Atrium{baseUrl=" + api.baseUrl() + "}";
    }

    /**
     * Builds an {@link Atrium} client.
     *
     * <table>
     *   <caption>Settings, their environment fallbacks and defaults</caption>
     *   <tr><th>builder</th><th>environment</th><th>default</th></tr>
     *   <tr><td>{@link #apiKey}</td><td>{@value #API_KEY_ENV}, then {@value #FALLBACK_API_KEY_ENV}</td>
     *       <td>none: {@link #build()} throws {@link AuthException}</td></tr>
     *   <tr><td>{@link #baseUrl}</td><td>{@value #BASE_URL_ENV}</td><td>{@value #DEFAULT_BASE_URL}</td></tr>
     *   <tr><td>{@link #logLevel}</td><td>{@value #LOG_ENV}</td><td>{@link LogLevel#OFF}</td></tr>
     *   <tr><td>{@link #timeout}</td><td></td><td>60 s per attempt</td></tr>
     *   <tr><td>{@link #streamIdleTimeout}</td><td></td><td>the per-attempt timeout</td></tr>
     *   <tr><td>{@link #maxRetries}</td><td></td><td>{@value #DEFAULT_MAX_RETRIES}</td></tr>
     * </table>
     */
    public static final class Builder {
        private String apiKey;
        private String baseUrl;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration streamIdleTimeout;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private int maxConcurrentRequests = Integer.MAX_VALUE;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private HttpClient httpClient;
        private Executor executor;
        private final List<Interceptor> interceptors = new ArrayList<>();
        private final List<CallTelemetry> telemetry = new ArrayList<>();
        private LogLevel logLevel;
        private System.Logger logger;
        private Function<String, String> environment = System::getenv;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {}

        /**
         * Sets the API key, sent as {@code Authorization: Bearer <key>}. Its shape is not checked.
         *
         * @param apiKey the key, e.g. {@code sk-mng-...}
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * Sets the gateway's base URL; a trailing slash is ignored.
         *
         * @param baseUrl an absolute http or https URL, e.g. {@code http://localhost:8080/v1}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * Sets how long one attempt may take, connecting included, up to the last byte of the
         * answer (for a stream, up to its headers; see {@link #streamIdleTimeout}).
         *
         * @param timeout a positive duration; default 60 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets how long a stream may send nothing, while it is read, before it fails with an
         * {@link io.monago.atrium.errors.AtriumTimeoutException}. The per-attempt
         * {@link #timeout} covers a stream up to its headers; this one the time between its events.
         *
         * @param streamIdleTimeout a positive duration; default: the per-attempt timeout
         * @return this builder
         */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = Checks.positive(streamIdleTimeout, "streamIdleTimeout");
            return this;
        }

        /**
         * Sets how many times a failed call is retried (connection failures, timeouts, 408, 409,
         * 429, 5xx).
         *
         * @param maxRetries retries after the first attempt; 0 turns retries off; default
         *     {@value #DEFAULT_MAX_RETRIES}
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = Checks.retries(maxRetries);
            return this;
        }

        /**
         * Adds a header to every request (e.g. {@code X-Monago-Session-Id}). It replaces a header
         * of the same name that the SDK sets.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException when the JDK's HTTP client does not allow the header
         */
        public Builder defaultHeader(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            try {
                HttpRequest.newBuilder().header(name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("header " + name + " cannot be set: " + e.getMessage(), e);
            }
            defaultHeaders.put(name, value);
            return this;
        }

        /**
         * Adds headers to every request, as {@link #defaultHeader}.
         *
         * @param headers names to values
         * @return this builder
         */
        public Builder defaultHeaders(Map<String, String> headers) {
            headers.forEach(this::defaultHeader);
            return this;
        }

        /**
         * Uses your own HTTP client (proxy, SSL context, HTTP version...). The client does not
         * close it.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Bounds how many async calls ({@code client.async()}) are in flight at once; by default
         * there is no bound. A call beyond it waits in a queue, in the order made, and is sent when
         * one before it ends; cancelling a waiting call removes it and sends nothing. A stream holds
         * its place until it is read to its end or closed. Blocking calls are not counted: your
         * threads bound them.
         *
         * <pre>{@code
         * Atrium client = Atrium.builder().maxConcurrentRequests(8).build();
         * List<CallFuture<ChatCompletion>> calls = requests.stream()
         *         .map(r -> client.async().chat().completions().create(r))
         *         .toList();                    // 50 made, at most 8 sent at a time
         * }</pre>
         *
         * @param maxConcurrentRequests at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            if (maxConcurrentRequests < 1) {
                throw new IllegalArgumentException(
                        "maxConcurrentRequests must be at least 1, got " + maxConcurrentRequests);
            }
            this.maxConcurrentRequests = maxConcurrentRequests;
            return this;
        }

        /**
         * Sets the executor async results complete on. Default: the client's own HTTP thread pool
         * (or, with {@link #httpClient}, that client's executor, else the common pool). The client
         * does not shut it down.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Adds an interceptor. Interceptors run in the order added, once per call, outside the
         * retry loop.
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Adds telemetry: tracing ({@code AtriumTracing}, with OpenTelemetry) or metrics
         * ({@code AtriumMetrics}, with Micrometer). Each sees every call once, outside the retries
         * and the interceptors, and every try of it. Without any, calls pass no telemetry step.
         *
         * <pre>{@code
         * Atrium client = Atrium.builder()
         *         .addTelemetry(AtriumTracing.create(GlobalOpenTelemetry.get()))
         *         .build();
         * }</pre>
         *
         * @param callTelemetry the telemetry
         * @return this builder
         */
        public Builder addTelemetry(CallTelemetry callTelemetry) {
            telemetry.add(Objects.requireNonNull(callTelemetry, "telemetry"));
            return this;
        }

        /**
         * Sets what the client logs, overriding {@value #LOG_ENV}.
         *
         * @param logLevel the level
         * @return this builder
         */
        public Builder logLevel(LogLevel logLevel) {
            this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
            return this;
        }

        /**
         * Sets the logger lines go to. Default: {@code System.getLogger("io.monago.atrium")}.
         *
         * @param logger the logger
         * @return this builder
         */
        public Builder logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * Sets where environment variables are read from. Default: {@link System#getenv(String)}.
         * Useful to configure from another source, and in tests.
         *
         * <pre>{@code
         * Atrium.builder().environment(Map.of("ATRIUM_API_KEY", "sk-mng-test")::get).build();
         * }</pre>
         *
         * @param environment looks a variable up by name; returns null when unset
         * @return this builder
         */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws AuthException when no API key is given or set in the environment
         * @throws IllegalArgumentException when the base URL is not an absolute http(s) URL
         */
        public Atrium build() {
            String key = firstSet(apiKey, environment.apply(API_KEY_ENV), environment.apply(FALLBACK_API_KEY_ENV));
            if (key == null) {
                throw new AuthException("No API key: pass Atrium.builder().apiKey(...), or set the " + API_KEY_ENV
                        + " (or " + FALLBACK_API_KEY_ENV + ") environment variable.");
            }
            String url = firstSet(baseUrl, environment.apply(BASE_URL_ENV), DEFAULT_BASE_URL);
            LogLevel level = logLevel != null ? logLevel : LogLevel.parse(environment.apply(LOG_ENV));
            System.Logger sink = logger != null ? logger : System.getLogger("io.monago.atrium");
            ClientConfig config = new ClientConfig(
                    key,
                    parseBaseUrl(url),
                    timeout,
                    streamIdleTimeout,
                    maxRetries,
                    maxConcurrentRequests,
                    defaultHeaders,
                    httpClient,
                    executor,
                    interceptors,
                    new Log(sink, level),
                    sleeper,
                    clock,
                    random,
                    telemetry);
            return new Atrium(new ApiClient(config));
        }

        private static String firstSet(String... values) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    return value.trim();
                }
            }
            return null;
        }

        private static URI parseBaseUrl(String url) {
            String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            try {
                URI uri = new URI(trimmed);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new IllegalArgumentException(
                            "base URL must be an absolute http or https URL, got \"" + trimmed + "\"");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("base URL is not a valid URL: " + e.getMessage(), e);
            }
        }
    }
}
