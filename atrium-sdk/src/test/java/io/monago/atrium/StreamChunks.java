package io.monago.atrium;

/** The JSON of chunks as an Atrium gateway streams them (docs/protocol.md §5), for test bodies. */
final class StreamChunks {

    static final String AUDIT_ID = "audit-stream-1";

    /** The headers known before the first token. */
    static final String[] GOVERNANCE_HEADERS = {
        "X-Monago-Audit-Id: " + AUDIT_ID,
        "X-Monago-Pii-Detected: true",
        "X-Monago-Pii-Redacted: NIK",
        "X-Monago-Policy-Decision: allowed",
        "X-Monago-Provider: echo"
    };

    /** The governance object of the last chunk: what was known at the end. */
    static final String FINAL_GOVERNANCE = "{\"audit_id\":\"" + AUDIT_ID + "\",\"pii_detected\":true,"
            + "\"pii_redacted\":[\"NIK\",\"PHONE\"],\"policy_decision\":\"allowed\",\"provider\":\"echo\","
            + "\"latency_ms\":812.4,\"cost_idr\":31.2,\"security_incidents\":[],\"block_reason\":null}";

    private StreamChunks() {}

    static String delta(String deltaJson) {
        return "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-5.4-mini\",\"choices\":[{\"index\":0,\"delta\":" + deltaJson
                + ",\"finish_reason\":null}]}";
    }

    static String content(String text) {
        return delta("{\"content\":\"" + text + "\"}");
    }

    static String finish(String reason) {
        return "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-5.4-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason
                + "\"}]}";
    }

    static String last() {
        return "{\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-5.4-mini\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13},"
                + "\"governance\":" + FINAL_GOVERNANCE + "}";
    }

    /** One event. */
    static String event(String data) {
        return "data: " + data + "\n\n";
    }

    /** A whole answer: role, "Pasien [NIK_1] batuk", stop, the last chunk, [DONE]. */
    static String[] answer() {
        return new String[] {
            event(delta("{\"role\":\"assistant\",\"content\":\"\"}")),
            event(content("Pasien ")),
            event(content("[NIK_1] ")),
            event(content("batuk")),
            event(finish("stop")),
            event(last()),
            "data: [DONE]\n\n"
        };
    }

    static String answerText() {
        return String.join("", answer());
    }
}
