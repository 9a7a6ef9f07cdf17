package io.monago.atrium.gateway.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * How a store's writer commits what it took from its queue: the whole batch in one transaction (one
 * sync shared by every caller waiting), and when that fails, each record in a transaction of its
 * own, so that one record the store refuses does not cost the calls beside it their records.
 */
final class GroupCommit {

    private GroupCommit() {}

    /**
     * Commits a batch and completes each record's future.
     *
     * @param batch the records, in chain order
     * @param commit writes records in one transaction; empty when committed, else why not (nothing
     *     of them stays)
     * @param log where failures are reported (ids and causes, never content)
     */
    static void write(
            List<PendingAppend> batch, Function<List<PendingAppend>, Optional<Exception>> commit, Logger log) {
        Optional<Exception> failed = commit.apply(batch);
        if (failed.isEmpty()) {
            batch.forEach(p -> p.done().complete(null));
            return;
        }
        if (batch.size() == 1) {
            fail(batch.get(0), failed.get(), log);
            return;
        }
        log.warn(
                "audit write of {} records failed ({}); writing them one by one",
                batch.size(),
                failed.get().getMessage());
        for (PendingAppend p : batch) {
            commit.apply(List.of(p))
                    .ifPresentOrElse(e -> fail(p, e, log), () -> p.done().complete(null));
        }
    }

    private static void fail(PendingAppend p, Exception cause, Logger log) {
        log.error("audit record {} could not be stored: {}", p.entry().auditId(), cause.getMessage());
        p.done().completeExceptionally(new AuditStoreException("the audit record could not be stored", cause));
    }
}
