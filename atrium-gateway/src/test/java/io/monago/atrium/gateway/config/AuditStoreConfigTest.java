package io.monago.atrium.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit section's store settings: SQLite by default, PostgreSQL when a URL is given. */
class AuditStoreConfigTest {

    private final ConfigLoader loader = new ConfigLoader(Map.of("PGPASS", "s3cret-pass")::get);

    @Test
    void aUrlSelectsPostgresWithItsSchemaAndCredentials() {
        AuditConfig a = loader.parse("atrium.yaml", """
                        audit:
                          url: jdbc:postgresql://db:5432/atrium
                          schema: audit_eu
                          user: atrium
                          password: ${PGPASS}
                        """).audit();

        assertThat(a.urlIfSet()).contains("jdbc:postgresql://db:5432/atrium");
        assertThat(a.schemaIfSet()).contains("audit_eu");
        assertThat(a.userIfSet()).contains("atrium");
        assertThat(a.passwordIfSet()).contains("s3cret-pass");
        assertThat(a.toString()).doesNotContain("s3cret-pass").doesNotContain("db:5432");
    }

    @Test
    void sqliteIsTheDefault() {
        AuditConfig a = loader.parse("atrium.yaml", "").audit();

        assertThat(a.urlIfSet()).isEmpty();
        assertThat(a.sqlitePathIfSet()).isEmpty();
        assertThat(a.failsOpen()).isFalse();
        assertThat(loader.parse("atrium.yaml", "audit:\n  on_error: fail_open\n")
                        .audit()
                        .failsOpen())
                .isTrue();
    }

    @Test
    void badStoreSettingsAreNamed() {
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "audit:\n  url: jdbc:mysql://db/atrium\n"))
                .hasMessageContaining("audit.url")
                .hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> loader.parse(
                        "atrium.yaml", "audit:\n  url: jdbc:postgresql://db/a\n  sqlite_path: /tmp/a.db\n"))
                .hasMessageContaining("audit.sqlite_path")
                .hasMessageContaining("choose one store");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "audit:\n  schema: audit\n"))
                .hasMessageContaining("audit.schema")
                .hasMessageContaining("set audit.url too");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "audit:\n  on_error: ignore\n"))
                .hasMessageContaining("audit.on_error")
                .hasMessageContaining("fail_closed or fail_open");
        assertThatThrownBy(() -> loader.parse("atrium.yaml", "audit:\n  password: x\n"))
                .hasMessageContaining("audit.password");
        assertThatThrownBy(() -> loader.parse(
                        "atrium.yaml", "audit:\n  url: jdbc:postgresql://db/a\n  schema: \"Audit; DROP\"\n"))
                .hasMessageContaining("audit.schema")
                .hasMessageContaining("plain PostgreSQL name");
    }
}
