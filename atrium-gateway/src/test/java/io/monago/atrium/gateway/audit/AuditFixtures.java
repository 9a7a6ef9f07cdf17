package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Records shaped as the gateway writes them, and direct access to a store's file for tamper tests. */
final class AuditFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private AuditFixtures() {}

    /** A record of workspace {@code ws} made by key {@code key} at second {@code i} of 2026. */
    static AuditEntry entry(int i, String ws, Optional<String> key, String decision) {
        String id = String.format("audit-test-%06d", i);
        String ts = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i).toString();
        ObjectNode o = JSON.createObjectNode();
        o.put("audit_id", id);
        o.put("timestamp", ts);
        o.put("workspace", ws);
        if (key.isPresent()) {
            o.put("key_id", key.get());
        } else {
            o.putNull("key_id");
        }
        o.put("user", "user-" + (i % 3));
        o.put("session_id", "session-" + (i % 2));
        o.putObject("metadata").put("department", i % 2 == 0 ? "paru" : "jantung");
        o.put("model", i % 2 == 0 ? "gpt-5.4-mini" : "gpt-5.4");
        o.put("decision", decision);
        o.put("status_code", decision.equals("blocked") ? 400 : 200);
        o.putObject("pii_input").put(i % 2 == 0 ? "NIK" : "PHONE", 1);
        o.putArray("matched_rules").add(i % 2 == 0 ? "pii.NIK.flag" : "pii.PHONE.flag");
        return new AuditEntry(id, ws, key, decision, decision.equals("blocked") ? 400 : 200, ts, o);
    }

    static AuditEntry entry(int i) {
        return entry(i, "default", Optional.of("app"), "allowed");
    }

    /** Appends records 1..n and waits until they are durable. */
    static List<String> fill(AuditStore store, int from, int to) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            AuditEntry e = entry(i);
            ids.add(e.auditId());
            done.add(store.append(e));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        return ids;
    }

    /** A plain JDBC connection to the file, as someone editing it by hand would have. */
    static Connection tamper(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    static VerifyReport verify(Path file, Optional<ChainKey> key, Optional<ChainCheckpoint> checkpoint) {
        try (ChainSource source = new SqliteChainSource(file)) {
            return new AuditVerifier(JSON, key).verify(source, checkpoint);
        }
    }
}
