package io.monago.atrium.gateway.exchange;

import io.monago.atrium.gateway.chat.TextSlot;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.security.SecurityReport;
import java.util.List;

/**
 * What the guard found in a request: PII findings per text, in the order of {@code slots}, and the
 * security report over all texts. Holds spans into the request's texts, so it never outlives the
 * request and is never audited or logged.
 *
 * @param slots the request's texts
 * @param findings PII findings of each text, index for index
 * @param security security incidents
 */
public record Inspection(List<TextSlot> slots, List<List<PiiFinding>> findings, SecurityReport security) {}
