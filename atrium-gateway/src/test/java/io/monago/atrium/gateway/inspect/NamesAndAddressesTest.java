package io.monago.atrium.gateway.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the default policy a patient's name and home address are redacted before the provider sees
 * them, and the call goes through.
 */
class NamesAndAddressesTest {

    @TempDir
    Path dataDir;

    @Test
    void aPatientsNameAndHomeAddressAreRedactedAndTheCallGoesThrough() throws Exception {
        try (FakeOpenAiUpstream upstream = new FakeOpenAiUpstream();
                RunningGateway gateway = RunningGateway.behind(upstream, dataDir, "")) {
            RunningGateway.Reply r = gateway.chat("""
                    {"model":"gpt-5.4-mini","messages":[{"role":"user","content":
                    "Pasien Tn. Budi Santoso, alamat Jl. Melati No. 12 RT 003/RW 005, Kel. Sukajadi, batuk 2 minggu"}]}""");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header(ProtocolHeaders.PII_DETECTED)).isEqualTo("true");
            assertThat(r.header(ProtocolHeaders.PII_REDACTED))
                    .contains("PERSON")
                    .contains("ADDRESS");
            assertThat(upstream.received()).hasSize(1);
            String forwarded = upstream.received().get(0).body().toString();
            assertThat(forwarded).doesNotContain("Budi Santoso").doesNotContain("Jl. Melati No. 12");
            assertThat(forwarded).contains("batuk 2 minggu");
        }
    }
}
