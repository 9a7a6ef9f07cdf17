package io.monago.atrium.gateway.config;

/**
 * What a workspace's audit records keep beyond the record itself.
 *
 * <pre>{@code
 * workspaces:
 *   - id: clinic
 *     audit:
 *       store_content: true   # keep the redacted prompt and answer beside each record
 * }</pre>
 *
 * @param storeContent whether each call's messages as forwarded (redacted) and the answer as sent
 *     (redacted) are kept in the store's content table; default {@code false}
 */
public record WorkspaceAuditSettings(boolean storeContent) {

    /** Keeps the record only, the default. */
    public static final WorkspaceAuditSettings NONE = new WorkspaceAuditSettings(false);
}
