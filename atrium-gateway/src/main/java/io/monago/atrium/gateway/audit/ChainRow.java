package io.monago.atrium.gateway.audit;

import java.util.Optional;

/**
 * One stored record as the verifier reads it: the record's JSON and the columns stored beside it
 * for searching, which must agree with the JSON.
 *
 * @param seq the store's row number (grows with every append; a gap means a row was removed)
 * @param auditId the audit id column
 * @param timestamp the time column
 * @param workspaceId the workspace column
 * @param keyId the key id column
 * @param decision the decision column
 * @param status the status column
 * @param prevHash the previous-hash column
 * @param hash the hash column
 * @param json the record as stored
 * @param search the columns kept for search, when the store has them
 */
public record ChainRow(
        long seq,
        String auditId,
        String timestamp,
        String workspaceId,
        Optional<String> keyId,
        String decision,
        int status,
        String prevHash,
        String hash,
        String json,
        Optional<SearchColumns> search) {

    /**
     * The columns search filters on, which must say what the record's JSON says, or a record could be
     * hidden from a search (or shown in one) without its hash changing.
     *
     * @param user the user column
     * @param sessionId the session column
     * @param model the model column
     * @param atMs the arrival time column, epoch milliseconds
     */
    public record SearchColumns(Optional<String> user, Optional<String> sessionId, Optional<String> model, long atMs) {}
}
