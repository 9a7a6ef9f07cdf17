package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks a chain from its start (or from the retention cut) to its head and names the first record
 * that was altered, deleted or inserted. Each record must carry the hash of the one before it, its
 * own hash must match its content, and the columns stored beside it for searching must say what its
 * JSON says. Checkpoints, the store's own and one given from elsewhere, are matched on the way: a
 * checkpoint whose head is missing means the tail was cut off, one whose head has another hash
 * means the chain was rewritten.
 */
public final class AuditVerifier {

    private final ObjectMapper json;
    private final Optional<ChainKey> key;

    /**
     * Creates a verifier.
     *
     * @param json a mapper to read records
     * @param key the chain key, when the chain is keyed
     */
    public AuditVerifier(ObjectMapper json, Optional<ChainKey> key) {
        this.json = json;
        this.key = key;
    }

    /**
     * Verifies a chain.
     *
     * @param source the chain
     * @param external a checkpoint kept outside the store, if any
     * @return the report
     */
    public VerifyReport verify(ChainSource source, Optional<ChainCheckpoint> external) {
        ChainInfo info = source.info();
        Optional<ChainBreak> keyProblem = keyProblem(info);
        if (keyProblem.isPresent()) {
            return new VerifyReport(
                    info.baseRecords(), Optional.empty(), Optional.empty(), info.algorithm(), 0, keyProblem);
        }
        List<ChainCheckpoint> checkpoints = new ArrayList<>(source.checkpoints());
        Optional<ChainBreak> cutProblem = cutProblem(info, checkpoints);
        if (cutProblem.isPresent()) {
            return new VerifyReport(
                    info.baseRecords(), Optional.empty(), Optional.empty(), info.algorithm(), 0, cutProblem);
        }
        if (external.isPresent()) {
            ChainCheckpoint cp = external.get();
            if (key.isPresent() && !cp.signedBy(key.get())) {
                return new VerifyReport(
                        info.baseRecords(),
                        Optional.empty(),
                        Optional.empty(),
                        info.algorithm(),
                        0,
                        Optional.of(new ChainBreak(
                                ChainBreak.Kind.FORGED_CHECKPOINT,
                                cp.records(),
                                Optional.of(cp.headAuditId()),
                                "the checkpoint of " + cp.createdAt() + " is not signed with this chain key:"
                                        + " it was changed, or it belongs to another chain")));
            }
            checkpoints.add(cp);
        }
        Walk walk = new Walk(info, checkpoints);
        source.forEachRecord(walk::offer);
        walk.finish();
        Optional<String> headHash = walk.headAuditId.isPresent() ? Optional.of(walk.expected) : Optional.empty();
        return new VerifyReport(
                walk.position,
                walk.headAuditId,
                headHash,
                info.algorithm(),
                walk.matched,
                Optional.ofNullable(walk.problem));
    }

    /**
     * Retention moves the chain's start; the move must be anchored by the checkpoint written with it,
     * or records could be cut from the start and the base rewritten to hide it.
     */
    private Optional<ChainBreak> cutProblem(ChainInfo info, List<ChainCheckpoint> checkpoints) {
        if (info.baseRecords() == 0) {
            return info.baseHash().equals(AuditChain.GENESIS)
                    ? Optional.empty()
                    : Optional.of(new ChainBreak(
                            ChainBreak.Kind.DELETED,
                            1,
                            Optional.empty(),
                            "the chain's start was changed: it names a predecessor, but no record was removed by"
                                    + " retention"));
        }
        boolean anchored = checkpoints.stream()
                .anyMatch(cp -> cp.records() == info.baseRecords()
                        && cp.headHash().equals(info.baseHash())
                        && key.map(cp::signedBy).orElse(true));
        if (anchored) {
            return Optional.empty();
        }
        return Optional.of(new ChainBreak(
                ChainBreak.Kind.DELETED,
                info.baseRecords(),
                Optional.empty(),
                "the chain starts after record " + info.baseRecords() + " (removed by retention), but no "
                        + (key.isPresent() ? "signed " : "") + "checkpoint anchors that cut: records were removed"
                        + " from the start"));
    }

    private Optional<ChainBreak> keyProblem(ChainInfo info) {
        if (info.keyed() && key.isEmpty()) {
            return Optional.of(new ChainBreak(
                    ChainBreak.Kind.WRONG_KEY,
                    0,
                    Optional.empty(),
                    "this chain is keyed (HMAC-SHA-256): give its key in audit.chain_key to verify it"));
        }
        if (!info.keyed() && key.isPresent()) {
            return Optional.of(new ChainBreak(
                    ChainBreak.Kind.WRONG_KEY,
                    0,
                    Optional.empty(),
                    "this chain is not keyed (plain SHA-256), but a chain key was given: remove audit.chain_key"
                            + " to verify it"));
        }
        if (info.keyed() && !key.get().matches(info.keyCheck().orElse(""))) {
            return Optional.of(new ChainBreak(
                    ChainBreak.Kind.WRONG_KEY,
                    0,
                    Optional.empty(),
                    "the chain key given is not the one these records were written with"));
        }
        return Optional.empty();
    }

    /** One walk's state: a record is judged once the record after it is known. */
    private final class Walk {
        private final ChainHasher hasher = new ChainHasher(key);
        private final Map<Long, List<ChainCheckpoint>> checkpointsAt = new HashMap<>();
        private final long lastCheckpoint;
        private String expected;
        /** The hash the previous record was linked onto: a record that carries it skipped that one. */
        private String expectedBeforePrevious;

        private long position;
        private Optional<String> headAuditId = Optional.empty();
        private Optional<ChainRow> previous = Optional.empty();
        private ChainRow pending;
        private int matched;
        private ChainBreak problem;

        Walk(ChainInfo info, List<ChainCheckpoint> checkpoints) {
            this.expected = info.baseHash();
            this.position = info.baseRecords();
            long last = 0;
            for (ChainCheckpoint cp : checkpoints) {
                // A checkpoint older than the retention cut names records no longer kept.
                if (cp.records() > info.baseRecords()) {
                    checkpointsAt
                            .computeIfAbsent(cp.records(), r -> new ArrayList<>())
                            .add(cp);
                    last = Math.max(last, cp.records());
                }
            }
            this.lastCheckpoint = last;
        }

        boolean offer(ChainRow next) {
            if (pending != null) {
                judge(pending, Optional.of(next));
            }
            pending = next;
            return problem == null;
        }

        void finish() {
            if (problem == null && pending != null) {
                judge(pending, Optional.empty());
            }
            if (problem == null && lastCheckpoint > position) {
                ChainCheckpoint cp = checkpointsAt.get(lastCheckpoint).get(0);
                problem = new ChainBreak(
                        ChainBreak.Kind.TRUNCATED,
                        position + 1,
                        Optional.empty(),
                        "the chain ends at record " + position + " but the checkpoint of " + cp.createdAt()
                                + " counted " + cp.records() + " records (head " + cp.headAuditId()
                                + "): records " + (position + 1) + " to " + cp.records() + " were removed");
            }
        }

        private void judge(ChainRow row, Optional<ChainRow> next) {
            long n = position + 1;
            Optional<Parsed> parsed = parse(row);
            boolean selfValid = parsed.map(p -> p.selfValid).orElse(false);
            boolean linked = parsed.map(p -> p.prevHash.equals(expected)).orElse(false);
            Optional<String> id = Optional.of(parsed.map(p -> p.auditId).orElse(row.auditId()));
            if (selfValid && linked) {
                position = n;
                expectedBeforePrevious = expected;
                expected = parsed.get().hash;
                headAuditId = id;
                previous = Optional.of(row);
                checkpoint(parsed.get());
                return;
            }
            boolean nextSkipsThis = next.flatMap(this::parse)
                    .map(p -> p.prevHash.equals(expected))
                    .orElse(false);
            if (nextSkipsThis) {
                problem = new ChainBreak(
                        ChainBreak.Kind.INSERTED,
                        n,
                        id,
                        "record " + n + " (" + id.get() + ") was inserted: the record after it carries the hash"
                                + " of the record before it");
            } else if (!selfValid) {
                problem = new ChainBreak(
                        ChainBreak.Kind.ALTERED,
                        n,
                        id,
                        "record " + n + " (" + id.get() + ") was altered: its content no longer matches its hash");
            } else if (previous.isPresent() && parsed.get().prevHash.equals(expectedBeforePrevious)) {
                problem = new ChainBreak(
                        ChainBreak.Kind.INSERTED,
                        position,
                        previous.map(ChainRow::auditId),
                        "record " + position + " (" + previous.get().auditId() + ") was inserted: the record"
                                + " after it (" + id.get() + ") carries the hash of the record before it");
            } else if (previous.isEmpty() || row.seq() > previous.get().seq() + 1) {
                String before = previous.map(p -> "after record " + position + " (" + p.auditId() + ")")
                        .orElse("at the start of the chain");
                problem = new ChainBreak(
                        ChainBreak.Kind.DELETED,
                        n,
                        id,
                        "a record was deleted " + before + ": record " + n + " (" + id.get() + ") names a"
                                + " predecessor that is not in the store");
            } else {
                problem = new ChainBreak(
                        ChainBreak.Kind.REWRITTEN,
                        position,
                        previous.map(ChainRow::auditId),
                        "the chain breaks between record " + position + " ("
                                + previous.get().auditId()
                                + ") and record " + n + " (" + id.get() + "): record " + position
                                + " was rewritten with a new hash, or a record between them was deleted");
            }
        }

        private void checkpoint(Parsed p) {
            for (ChainCheckpoint cp : checkpointsAt.getOrDefault(position, List.of())) {
                if (cp.headAuditId().equals(p.auditId) && cp.headHash().equals(p.hash)) {
                    matched++;
                } else if (problem == null) {
                    problem = new ChainBreak(
                            ChainBreak.Kind.REWRITTEN,
                            position,
                            Optional.of(p.auditId),
                            "record " + position + " (" + p.auditId + ") is not the one the checkpoint of "
                                    + cp.createdAt() + " names (" + cp.headAuditId() + "): the chain was rewritten"
                                    + " from there or earlier");
                }
            }
        }

        private Optional<Parsed> parse(ChainRow row) {
            JsonNode o;
            try {
                o = json.readTree(row.json());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Optional.empty();
            }
            if (o == null || !o.path("hash").isTextual() || !o.path("prev_hash").isTextual()) {
                return Optional.empty();
            }
            String hash = o.get("hash").asText();
            String prev = o.get("prev_hash").asText();
            String auditId = o.path("audit_id").asText();
            String tail = ",\"hash\":\"" + hash + "\"}";
            boolean shaped = row.json().endsWith(tail);
            String unsigned = shaped ? row.json().substring(0, row.json().length() - tail.length()) + "}" : "";
            boolean columnsAgree = row.auditId().equals(auditId)
                    && row.prevHash().equals(prev)
                    && row.hash().equals(hash)
                    && row.workspaceId().equals(o.path("workspace").asText())
                    && Objects.equals(row.keyId().orElse(null), text(o, "key_id"))
                    && row.decision().equals(o.path("decision").asText())
                    && row.status() == o.path("status_code").asInt()
                    && row.timestamp().equals(o.path("timestamp").asText())
                    && row.search().map(c -> searchColumnsAgree(c, o)).orElse(true);
            boolean selfValid =
                    shaped && columnsAgree && hasher.hash(prev, unsigned).equals(hash);
            return Optional.of(new Parsed(auditId, prev, hash, selfValid));
        }

        private static boolean searchColumnsAgree(ChainRow.SearchColumns c, JsonNode o) {
            long atMs;
            try {
                atMs = java.time.Instant.parse(o.path("timestamp").asText()).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
            return Objects.equals(c.user().orElse(null), text(o, "user"))
                    && Objects.equals(c.sessionId().orElse(null), text(o, "session_id"))
                    && Objects.equals(c.model().orElse(null), text(o, "model"))
                    && c.atMs() == atMs;
        }

        private static String text(JsonNode o, String field) {
            JsonNode v = o.path(field);
            return v.isTextual() ? v.asText() : null;
        }
    }

    private record Parsed(String auditId, String prevHash, String hash, boolean selfValid) {}
}
