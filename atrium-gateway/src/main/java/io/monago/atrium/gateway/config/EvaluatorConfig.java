package io.monago.atrium.gateway.config;

/**
 * One evaluator as written in a workspace's {@code evaluators:} list. docs/evaluators.md describes
 * every type and field.
 *
 * @param name unique in its workspace; named in the audit record and in block reasons
 * @param type {@code toxicity}, {@code new_pii}, {@code json}, {@code refusal}, {@code canary} or
 *     {@code callout}
 * @param stage {@code pre} (the request, after redaction) or {@code post} (the answer, after
 *     governance); default {@code post}
 * @param action {@code record}, {@code flag} or {@code block}; default {@code record}
 * @param threshold the score at or over which {@code flag} and {@code block} act, 0 to 1; default 0.5
 * @param sampleRate the share of calls evaluated, 0 to 1, chosen by audit id; default 1
 * @param canary for {@code canary}: the string whose appearance in an answer is a leak
 * @param url for {@code callout}: the http(s) URL the evaluator posts to
 * @param secret for {@code callout}: the HMAC-SHA256 key the body is signed with (write
 *     {@code ${ENV}}); never logged
 * @param timeoutMs for {@code callout}: how long to wait for its answer; default 2000
 * @param onError for {@code callout}: {@code fail_open} (the call goes on, result {@code error}) or
 *     {@code fail_closed} (a failure counts as score 1); default {@code fail_open}
 */
public record EvaluatorConfig(
        String name,
        String type,
        String stage,
        String action,
        Double threshold,
        Double sampleRate,
        String canary,
        String url,
        String secret,
        Long timeoutMs,
        String onError) {

    /** Default callout timeout. */
    public static final long DEFAULT_TIMEOUT_MS = 2000;

    /**
     * Fills defaults.
     *
     * @param name see the record description
     * @param type see the record description
     * @param stage see the record description
     * @param action see the record description
     * @param threshold see the record description
     * @param sampleRate see the record description
     * @param canary see the record description
     * @param url see the record description
     * @param secret see the record description
     * @param timeoutMs see the record description
     * @param onError see the record description
     */
    public EvaluatorConfig {
        stage = stage == null ? "post" : stage;
        action = action == null ? "record" : action;
        threshold = threshold == null ? 0.5 : threshold;
        sampleRate = sampleRate == null ? 1.0 : sampleRate;
        timeoutMs = timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
        onError = onError == null ? "fail_open" : onError;
    }

    /** Keeps the canary and the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "EvaluatorConfig[name=" + name + ", type=" + type + ", stage=" + stage + ", action=" + action + "]";
    }
}
