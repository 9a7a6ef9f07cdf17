package io.monago.atrium.gateway.audit;

import io.monago.atrium.gateway.support.PostgresSchemas;

/** {@code GET /v1/audit} on the real gateway with the PostgreSQL store: every case of {@link AuditSearchTest}. */
class PostgresAuditSearchTest extends AuditSearchTest {

    private final PostgresSchemas schema = PostgresSchemas.fresh();

    @Override
    String auditYaml() {
        return schema.auditYaml();
    }

    @Override
    void afterGateway() {
        schema.close();
    }
}
