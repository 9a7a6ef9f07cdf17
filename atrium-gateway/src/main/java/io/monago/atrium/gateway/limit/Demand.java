package io.monago.atrium.gateway.limit;

import io.monago.atrium.gateway.config.LimitSettings;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What one call asks of its key's and workspace's limits.
 *
 * @param keyId the caller's key
 * @param workspaceId the caller's workspace
 * @param keyLimits the key's own limits
 * @param workspaceLimits the workspace's limits, all keys together
 * @param tokens the estimated tokens: prompt plus the answer's limit
 * @param idr the estimated cost in rupiah
 * @param at when the call arrived
 * @param zone the workspace's time zone, for days and months
 */
public record Demand(
        String keyId,
        String workspaceId,
        LimitSettings keyLimits,
        LimitSettings workspaceLimits,
        long tokens,
        double idr,
        Instant at,
        ZoneId zone) {}
