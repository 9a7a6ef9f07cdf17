package io.monago.atrium.gateway.exchange;

import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.security.SecurityVerdict;
import java.util.List;

/**
 * What the workspace's policy decided about the inspection.
 *
 * @param pii the PII verdict of each text, index for index with the inspection's slots
 * @param security the security verdict
 */
public record PolicyOutcome(List<PiiVerdict> pii, SecurityVerdict security) {}
