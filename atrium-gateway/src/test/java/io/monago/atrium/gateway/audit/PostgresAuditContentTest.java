package io.monago.atrium.gateway.audit;

import io.monago.atrium.gateway.support.PostgresSchemas;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code audit.store_content} on the real gateway with the PostgreSQL store: every case of {@link AuditContentTest}. */
class PostgresAuditContentTest extends AuditContentTest {

    private final PostgresSchemas schema = PostgresSchemas.fresh();

    @Override
    String auditYaml() {
        return schema.auditYaml();
    }

    @Override
    Connection tables() throws SQLException {
        return schema.connect();
    }

    @Override
    void afterGateway() {
        schema.close();
    }
}
