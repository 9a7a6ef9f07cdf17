package io.monago.atrium.gateway.exchange;

/**
 * What the caller's key and workspace had used before this call, as the limit store knows it.
 *
 * @param keyTokensToday tokens the key used today
 * @param keyTokensMonth tokens the key used this month
 * @param keyIdrToday rupiah the key spent today
 * @param keyIdrMonth rupiah the key spent this month
 * @param workspaceTokensToday tokens the workspace used today
 * @param workspaceTokensMonth tokens the workspace used this month
 * @param workspaceIdrToday rupiah the workspace spent today
 * @param workspaceIdrMonth rupiah the workspace spent this month
 */
public record UsageSoFar(
        long keyTokensToday,
        long keyTokensMonth,
        double keyIdrToday,
        double keyIdrMonth,
        long workspaceTokensToday,
        long workspaceTokensMonth,
        double workspaceIdrToday,
        double workspaceIdrMonth) {}
