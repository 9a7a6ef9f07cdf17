package io.monago.atrium.gateway.audit;

import java.util.List;
import java.util.function.Predicate;

/** A store as the verifier and the export read it: its chain in order, its checkpoints, a search. */
public interface ChainSource extends AutoCloseable {

    /** {@return what the store says about its chain} */
    ChainInfo info();

    /**
     * Reads every record in chain order.
     *
     * @param visitor takes each row; returns false to stop
     */
    void forEachRecord(Predicate<ChainRow> visitor);

    /** {@return the checkpoints the store holds, oldest first} */
    List<ChainCheckpoint> checkpoints();

    /**
     * Searches the store, across workspaces when the query names none.
     *
     * @param query the filters
     * @return one page
     */
    AuditPage search(AuditQuery query);

    @Override
    void close();
}
