package io.monago.atrium.gateway.spend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.audit.AuditPage;
import io.monago.atrium.gateway.audit.AuditQuery;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.audit.StoredAudit;
import io.monago.atrium.gateway.config.LimitSettings;
import io.monago.atrium.gateway.limit.Demand;
import io.monago.atrium.gateway.limit.LimitStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rebuilds this month's spend from the audit store into a limit store that forgot it (the
 * in-memory one, after a restart). Every recorded call that used tokens or cost rupiah in the
 * current month of its workspace's time zone is reserved and settled again, at the time it
 * arrived and at what it really used: today's and this month's tokens and rupiah per key and per
 * workspace come back, and so do the current minute's requests and tokens. Calls of workspaces
 * no longer configured are left out; so are calls refused before the provider (they cost nothing).
 *
 * <pre>{@code
 * long calls = new SpendReplay(audit, store, Map.of("clinic", ZoneId.of("Asia/Jakarta"))).replay(clock.instant());
 * }</pre>
 */
public final class SpendReplay {

    private static final int PAGE = AuditQuery.MAX_LIMIT;
    private static final long WAIT_SECONDS = 60;

    private final AuditStore audit;
    private final LimitStore store;
    private final Map<String, ZoneId> zones;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Creates the replay.
     *
     * @param audit where the calls were recorded
     * @param store the store to count them into
     * @param zones each configured workspace's time zone, by workspace id
     */
    public SpendReplay(AuditStore audit, LimitStore store, Map<String, ZoneId> zones) {
        this.audit = audit;
        this.store = store;
        this.zones = Map.copyOf(zones);
    }

    /**
     * Counts this month's recorded calls into the store; blocks until they are counted.
     *
     * @param now the time the gateway starts at
     * @return how many calls were counted
     * @throws IllegalStateException when the audit store cannot be read
     */
    public long replay(Instant now) {
        if (zones.isEmpty()) {
            return 0;
        }
        Instant from = earliestMonthStart(now, zones.values());
        long counted = 0;
        AuditQuery.Builder query =
                AuditQuery.anyWorkspace().from(from).oldestFirst().limit(PAGE);
        while (true) {
            AuditPage page = await(audit.search(query.build()));
            List<Future<Void>> settled = new ArrayList<>(page.records().size());
            for (StoredAudit record : page.records()) {
                Optional<Demand> call = spent(record, now);
                if (call.isPresent()) {
                    settled.add(count(call.get()));
                    counted++;
                }
            }
            await(Future.all(settled).toCompletionStage().toCompletableFuture());
            if (page.next().isEmpty()) {
                return counted;
            }
            query = AuditQuery.anyWorkspace()
                    .from(from)
                    .oldestFirst()
                    .limit(PAGE)
                    .after(page.next().get());
        }
    }

    /** The call reserved at nothing and settled at what it used, as the limit filter would have. */
    private Future<Void> count(Demand call) {
        Demand reserved = new Demand(
                call.keyId(), call.workspaceId(), LimitSettings.NONE, LimitSettings.NONE, 0, 0, call.at(), call.zone());
        return store.reserve(reserved).compose(admitted -> store.settle(reserved, call.tokens(), call.idr()));
    }

    /** The record's call as a demand of what it used, when it used something this month. */
    private Optional<Demand> spent(StoredAudit record, Instant now) {
        ZoneId zone = zones.get(record.workspaceId());
        if (zone == null || record.keyId().isEmpty()) {
            return Optional.empty();
        }
        JsonNode r;
        try {
            r = json.readTree(record.json());
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a record the store wrote is JSON; nothing to count otherwise
        }
        long tokens = r.path("usage").path("total_tokens").asLong(0);
        double idr = r.path("cost_idr").asDouble(0);
        Instant at;
        try {
            at = Instant.parse(r.path("timestamp").asText());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        if ((tokens <= 0 && idr <= 0) || at.isBefore(monthStart(now, zone)) || at.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Demand(
                record.keyId().get(),
                record.workspaceId(),
                LimitSettings.NONE,
                LimitSettings.NONE,
                tokens,
                idr,
                at,
                zone));
    }

    private static Instant earliestMonthStart(Instant now, Collection<ZoneId> zones) {
        Instant earliest = now;
        for (ZoneId z : zones) {
            Instant start = monthStart(now, z);
            if (start.isBefore(earliest)) {
                earliest = start;
            }
        }
        return earliest;
    }

    private static Instant monthStart(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read this month's spend from the audit store", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("reading this month's spend from the audit store timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading this month's spend", e);
        }
    }
}
