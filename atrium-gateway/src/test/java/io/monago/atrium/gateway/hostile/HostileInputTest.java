package io.monago.atrium.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.gateway.validate.RequestJson;
import io.monago.atrium.gateway.validate.ValidateFilter;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests an attacker would send, through the real gateway in front of a recording upstream. Each
 * test is one way around governance that must not work; the last one reads every column of every
 * audit record and every request the upstream received and finds none of the raw values sent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    static final String NIK = "3201234567890123";
    static final String CARD = "4111111111111111";
    static final String PHONE = "081234567890";

    @TempDir
    static Path dataDir;

    static FakeOpenAiUpstream upstream;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeOpenAiUpstream();
        gateway = RunningGateway.behind(upstream, dataDir, "");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    private static Map<String, String> key() {
        return Map.of("Authorization", "Bearer " + RunningGateway.ADMIN_KEY);
    }

    private static Map<String, String> with(String header, String value) {
        Map<String, String> h = new HashMap<>(key());
        h.put(header, value);
        return h;
    }

    private static String body(String extra) {
        return "{\"model\":\"gpt-5.4-mini\"," + extra
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Pasien batuk dua minggu\"}]}";
    }

    private static RunningGateway.Reply chat(String body, Map<String, String> headers) {
        return gateway.post("/chat/completions", body, headers);
    }

    private static JsonNode record(RunningGateway.Reply reply) {
        String id = reply.header(ProtocolHeaders.AUDIT_ID);
        assertThat(id).as("every answer names its audit record").isNotBlank();
        return gateway.get("/audit/" + id, Optional.of(RunningGateway.ADMIN_KEY))
                .json();
    }

    private static int upstreamCalls() {
        return upstream.received().size();
    }

    // 1. PII and keys through the call's tags

    @Test
    @Order(1)
    void aCardInTheUserHeaderIsBlockedAndNotStored() {
        RunningGateway.Reply r = chat(body(""), with(ProtocolHeaders.USER_ID, "card " + CARD));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("pii_blocked");
        assertThat(record(r).path("user").asText()).doesNotContain(CARD).contains("[CREDIT_CARD_1]");
    }

    @Test
    @Order(1)
    void aBareNikInTheSessionHeaderIsStoredRedacted() {
        // An identifier field is read as one: a bare 16-digit number in it is taken for a NIK.
        RunningGateway.Reply r = chat(body(""), with(ProtocolHeaders.SESSION_ID, NIK));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(ProtocolHeaders.PII_REDACTED)).contains("NIK");
        assertThat(record(r).path("session_id").asText()).isEqualTo("[NIK_1]");
        assertThat(record(r).path("metadata").path("session_id").asText()).isEqualTo("[NIK_1]");
    }

    @Test
    @Order(1)
    void aNikInTheMetadataHeaderIsStoredRedacted() {
        RunningGateway.Reply r = chat(body(""), with(ProtocolHeaders.METADATA, "{\"nik\":\"" + NIK + "\"}"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(record(r).path("metadata").path("nik").asText()).isEqualTo("[NIK_1]");
    }

    @Test
    @Order(1)
    void aNikInTheBodysUserLeavesRedactedAndIsStoredRedacted() {
        int before = upstreamCalls();

        RunningGateway.Reply r = chat(body("\"user\":\"NIK " + NIK + "\","), key());

        assertThat(r.status()).isEqualTo(200);
        assertThat(upstream.received().get(before).body().path("user").asText()).isEqualTo("NIK [NIK_1]");
        assertThat(record(r).path("user").asText()).isEqualTo("NIK [NIK_1]");
    }

    @Test
    @Order(1)
    void aCardInTheBodysMetadataIsBlockedNeverForwardedAndStoredRedacted() {
        int before = upstreamCalls();

        RunningGateway.Reply r = chat(body("\"metadata\":{\"card\":\"" + CARD + "\"},"), key());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("pii_blocked");
        assertThat(upstreamCalls()).isEqualTo(before);
        assertThat(record(r).path("metadata").path("card").asText()).isEqualTo("[CREDIT_CARD_1]");
    }

    @Test
    @Order(1)
    void aNikAsAMetadataKeyLeavesAndIsStoredRedacted() {
        int before = upstreamCalls();

        RunningGateway.Reply r = chat(body("\"metadata\":{\"" + NIK + "\":\"x\"},"), key());

        assertThat(r.status()).isEqualTo(200);
        assertThat(upstream.received()
                        .get(before)
                        .body()
                        .path("metadata")
                        .fieldNames()
                        .next())
                .isEqualTo("[NIK_1]");
        assertThat(record(r).path("metadata").has("[NIK_1]")).isTrue();
    }

    @Test
    @Order(1)
    void theApiKeySentAsIdempotencyKeyIsStoredOnlyAsAHash() {
        RunningGateway.Reply r = chat(body(""), with("Idempotency-Key", RunningGateway.ADMIN_KEY));

        assertThat(r.status()).isEqualTo(200);
        assertThat(record(r).path("idempotency_key").asText())
                .isEqualTo(Calls.storedIdempotencyKey(RunningGateway.ADMIN_KEY));
    }

    @Test
    @Order(1)
    void aNikInTheModelNameIsRefusedAndNeverRecorded() {
        int before = upstreamCalls();

        RunningGateway.Reply r =
                chat("{\"model\":\"gpt-" + NIK + "\",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}", key());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("pii_blocked");
        assertThat(r.body()).doesNotContain(NIK);
        assertThat(upstreamCalls()).isEqualTo(before);
        assertThat(record(r).path("model").asText()).isEqualTo(ValidateFilter.WITHHELD_MODEL);
    }

    @Test
    @Order(1)
    void everyOtherStringOfTheBodyIsReadTooPredictedOutputToolDescriptionsStopSequencesAndPartUrls() {
        int before = upstreamCalls();

        RunningGateway.Reply r = chat("""
                {"model":"gpt-5.4-mini",
                 "prediction":{"type":"content","content":"NIK %1$s"},
                 "stop":["NIK %1$s"],
                 "tools":[{"type":"function","function":{"name":"lookup","description":"call %2$s",
                           "parameters":{"type":"object","properties":{}}}}],
                 "messages":[{"role":"user","content":[
                   {"type":"text","text":"lihat gambar"},
                   {"type":"image_url","image_url":{"url":"https://rs.example/scan?nik=%1$s"}}]}]}""".formatted(NIK, PHONE), key());

        assertThat(r.status()).isEqualTo(200);
        String sent = upstream.received().get(before).body().toString();
        assertThat(sent).doesNotContain(NIK).doesNotContain(PHONE).contains("[NIK_1]");
    }

    // 2. A content part whose text is not a string

    @Test
    @Order(1)
    void aTextPartWhoseTextIsAnObjectIsRefused() {
        int before = upstreamCalls();

        RunningGateway.Reply r = chat(
                "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + "[{\"type\":\"text\",\"text\":{\"t\":\"Pasien NIK " + NIK + "\"}}]}]}",
                key());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).contains("content[0].text must be a string");
        assertThat(upstreamCalls()).isEqualTo(before);
    }

    @Test
    @Order(1)
    void aPartOfAnUnknownTypeIsRefused() {
        RunningGateway.Reply r = chat(
                "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + "[{\"type\":\"hidden\",\"hidden\":\"NIK " + NIK + "\"}]}]}",
                key());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain(NIK);
    }

    // 3. Parser limits answer 400, not 500

    @Test
    @Order(1)
    void deepNestingLongNumbersAndLongFieldNamesAre400sNamingTheLimit() {
        String deep = "{\"model\":\"m\",\"messages\":[],\"metadata\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}";
        String longNumber = "{\"model\":\"m\",\"messages\":[],\"seed\":" + "9".repeat(1_001) + "}";
        String longName = "{\"model\":\"m\",\"messages\":[],\"" + "k".repeat(50_001) + "\":1}";

        for (String[] c : new String[][] {
            {deep, "nest deeper than " + RequestJson.MAX_NESTING_DEPTH},
            {longNumber, "number is longer than " + RequestJson.MAX_NUMBER_CHARS},
            {longName, "field name is longer than " + RequestJson.MAX_FIELD_NAME_CHARS}
        }) {
            RunningGateway.Reply r = chat(c[0], key());
            assertThat(r.status()).as(c[1]).isEqualTo(400);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("invalid_request_error");
            assertThat(r.json().path("error").path("message").asText()).contains(c[1]);
        }
    }

    // 4. Lenient JSON and bad UTF-8

    @Test
    @Order(1)
    void trailingDataAfterTheBodyIsRefused() {
        for (String tail : List.of("xyz", "{\"model\":\"other\"}", "\u0000")) {
            RunningGateway.Reply r = chat(body("") + tail, key());
            assertThat(r.status())
                    .as("a body followed by %s", tail.replace("\u0000", "NUL"))
                    .isEqualTo(400);
        }
        RunningGateway.Reply header =
                chat(body(""), with(ProtocolHeaders.METADATA, "{\"ward\":\"icu\"} {\"x\":\"y\"}"));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().path("error").path("message").asText()).contains(ProtocolHeaders.METADATA);
    }

    @Test
    @Order(1)
    void overlongAndOutOfRangeUtf8AndLoneSurrogatesAreRefused() {
        byte[][] bad = {
            {(byte) 0xC0, (byte) 0xA2}, // an overlong '"'
            {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
        };
        for (byte[] b : bad) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a"
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(b);
            body.writeBytes("b\"}]}".getBytes(StandardCharsets.UTF_8));
            RunningGateway.Reply r = gateway.postBytes("/chat/completions", body.toByteArray(), key());
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().path("error").path("message").asText()).contains("not valid UTF-8");
        }
        RunningGateway.Reply lone =
                chat("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\\ud800b\"}]}", key());
        assertThat(lone.status()).isEqualTo(400);
        assertThat(lone.json().path("error").path("message").asText()).contains("unpaired surrogate");
    }

    // 5. One repeated character, megabytes long

    @Test
    @Order(1)
    void megabytesOfOneCharacterAreAnsweredAndMetered() {
        RunningGateway.Reply r = chat(
                "{\"model\":\"gpt-5.4-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
                        + "a".repeat(2 * 1024 * 1024) + "\"}]}",
                key());

        assertThat(r.status()).isIn(200, 400);
        assertThat(record(r).path("status_code").asInt()).isEqualTo(r.status());
    }

    // 8. The smaller ones

    @Test
    @Order(1)
    void aBodyThatIsNotJsonByItsTypeIsRefusedWith415() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
            RunningGateway.Reply r = chat(body(""), with("Content-Type", type));
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("unsupported_media_type");
        }
        assertThat(chat(body(""), with("Content-Type", "application/json; charset=utf-8"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(1)
    void anOverlongSessionHeaderIsRefused() {
        RunningGateway.Reply r = chat(body(""), with(ProtocolHeaders.SESSION_ID, "s".repeat(1_000)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).contains(ProtocolHeaders.SESSION_ID);
    }

    @Test
    @Order(1)
    void anInvalidRoleIsNotEchoedBack() {
        RunningGateway.Reply r =
                chat("{\"model\":\"m\",\"messages\":[{\"role\":\"NIK " + NIK + "\",\"content\":\"x\"}]}", key());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain(NIK);
    }

    @Test
    @Order(1)
    void anUnknownFieldNamedLikeANikIsNotEchoedBack() {
        RunningGateway.Reply r = chat(body("\"" + NIK + "\":1,"), key());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain(NIK);
    }

    // And after all of them: nothing raw anywhere

    // 5. Values the model can read but the text does not show as such

    @Test
    @Order(1)
    void aNikSplitBetweenTwoMessagesLeavesNeitherPart() {
        int before = upstreamCalls();
        String body = "{\"model\":\"gpt-5.4-mini\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"NIK saya " + NIK.substring(0, 10) + "\"},"
                + "{\"role\":\"user\",\"content\":\"" + NIK.substring(10) + " tolong cek datanya\"}]}";

        RunningGateway.Reply r = chat(body, key());

        assertThat(r.status()).isEqualTo(200);
        JsonNode sent = upstream.received().get(before).body().path("messages");
        assertThat(sent.get(0).path("content").asText()).isEqualTo("NIK saya [NIK_1]");
        assertThat(sent.get(1).path("content").asText()).isEqualTo("[NIK_2] tolong cek datanya");
        assertThat(r.header(ProtocolHeaders.PII_REDACTED)).contains("NIK");
    }

    @Test
    @Order(1)
    void aNikInBase64LeavesRedacted() {
        int before = upstreamCalls();
        String encoded = java.util.Base64.getEncoder().encodeToString(NIK.getBytes(StandardCharsets.US_ASCII));
        String body = "{\"model\":\"gpt-5.4-mini\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"NIK pasien (base64): " + encoded + "\"}]}";

        RunningGateway.Reply r = chat(body, key());

        assertThat(r.status()).isEqualTo(200);
        String sent = upstream.received()
                .get(before)
                .body()
                .path("messages")
                .get(0)
                .path("content")
                .asText();
        assertThat(sent).isEqualTo("NIK pasien (base64): [NIK_1]");
    }

    @Test
    @Order(2)
    void noStoredColumnAndNoUpstreamRequestHoldsARawValueSent() throws Exception {
        String nikInBase64 = java.util.Base64.getEncoder().encodeToString(NIK.getBytes(StandardCharsets.US_ASCII));
        List<String> raw = List.of(NIK, CARD, PHONE, RunningGateway.ADMIN_KEY, NIK.substring(0, 10), nikInBase64);
        List<String> stored = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + RunningGateway.auditDatabase(dataDir));
                Statement st = db.createStatement();
                ResultSet tables = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (Statement s = db.createStatement();
                        ResultSet rows = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            stored.add(table + "." + rows.getMetaData().getColumnName(c) + " = " + rows.getString(c));
                        }
                    }
                }
            }
        }
        assertThat(stored).as("stored values").hasSizeGreaterThan(100);
        for (String value : raw) {
            assertThat(stored).as("stored values").noneMatch(v -> v.contains(value));
            assertThat(upstream.received())
                    .as("requests the upstream received")
                    .noneMatch(received -> received.body().toString().contains(value));
        }
    }
}
