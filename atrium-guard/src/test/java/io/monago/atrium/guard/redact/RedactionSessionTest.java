package io.monago.atrium.guard.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RedactionSessionTest {
    private final PiiScanner scanner = PiiScanner.defaults();
    private final PiiPolicy policy = PiiPolicy.defaults();

    private String redact(RedactionSession session, String text) {
        return session.redact(text, policy.evaluate(scanner.scan(text)).redact());
    }

    @Nested
    class Placeholders {
        @Test
        void theSameValueGetsTheSamePlaceholderAcrossSegmentsAndDifferentValuesDifferentNumbers() {
            RedactionSession session = RedactionSession.reversible();
            assertThat(redact(session, "Pasien NIK 3201234567890123, HP 0812-3456-7890"))
                    .isEqualTo("Pasien NIK [NIK_1], HP [PHONE_1]");
            assertThat(redact(session, "Hubungi +62 812 3456 7890 atau 0813-1111-2222; NIK 3201234567890123"))
                    .isEqualTo("Hubungi [PHONE_1] atau [PHONE_2]; NIK [NIK_1]");
            assertThat(redact(session, "NIK lain: 3171015708450001")).isEqualTo("NIK lain: [NIK_2]");
            assertThat(session.counts()).isEqualTo(Map.of(EntityType.NIK, 3, EntityType.PHONE, 3));
        }

        @Test
        void evasiveSpellingsOfOneValueShareAPlaceholder() {
            RedactionSession session = RedactionSession.reversible();
            String text = "NIK 3201234567890123 atau ３２０１２３４５６７８９０１２３ atau 3201\u200B2345\u200B6789\u200B0123";
            assertThat(redact(session, text)).isEqualTo("NIK [NIK_1] atau [NIK_1] atau [NIK_1]");
            assertThat(redact(session, "mail Budi@Gmail.com atau budi [at] gmail [dot] com"))
                    .isEqualTo("mail [EMAIL_1] atau [EMAIL_1]");
        }

        @Test
        void restoreReturnsTheFirstSpellingAndLeavesStrangersAlone() {
            RedactionSession session = RedactionSession.reversible();
            redact(session, "HP 0812-3456-7890 dan 081234567890");
            String answer =
                    "Saya akan menghubungi [PHONE_1] besok. [PHONE_9] dan [NIK_1] bukan milik sesi ini; [PHONE_1";
            assertThat(session.restore(answer))
                    .isEqualTo(
                            "Saya akan menghubungi 0812-3456-7890 besok. [PHONE_9] dan [NIK_1] bukan milik sesi ini; [PHONE_1");
        }

        @Test
        void aOneWaySessionCannotRestore() {
            RedactionSession session = RedactionSession.oneWay();
            assertThat(redact(session, "NIK 3201234567890123")).isEqualTo("NIK [NIK_1]");
            assertThat(session.isReversible()).isFalse();
            assertThatThrownBy(() -> session.restore("[NIK_1]")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(session::streamingRestorer).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void theSessionNeverShowsAValue() {
            RedactionSession session = RedactionSession.reversible();
            redact(session, "NIK 3201234567890123 email budi@gmail.com");
            assertThat(session.toString())
                    .doesNotContain("3201234567890123")
                    .doesNotContain("budi")
                    .contains("placeholders=2");
        }
    }

    @Nested
    class Operators {
        private final String text = "kartu 4111 1111 1111 1111, email budi@gmail.com, NIK 3201234567890123";
        private final List<PiiFinding> findings = PiiScanner.defaults().scan(text);

        @Test
        void maskKeepsSeparatorsAndEdges() {
            RedactionSession session = RedactionSession.builder()
                    .operator(RedactionOperator.mask(0, 4))
                    .operator(EntityType.EMAIL, RedactionOperator.mask(1, 0))
                    .build();
            assertThat(session.redact(text, findings))
                    .isEqualTo("kartu **** **** **** 1111, email b***@*****.***, NIK ************0123");
        }

        @Test
        void maskNeverKeepsAShortValueWhole() {
            // Found by PiiRedactorFuzzTest: mask(0, 4) kept all four letters and digits of "fe80::".
            String ips = "server fe80:: dan 203.0.113.7";
            List<PiiFinding> found = PiiScanner.defaults().scan(ips);
            RedactionSession session = RedactionSession.builder()
                    .operator(RedactionOperator.mask(0, 4))
                    .build();

            assertThat(found).extracting(PiiFinding::type).containsOnly(EntityType.IP_ADDRESS);
            assertThat(session.redact(ips, found)).isEqualTo("server **80:: dan ***.*.113.7");
            assertThat(RedactionSession.builder()
                            .operator(RedactionOperator.mask(3, 3))
                            .build()
                            .redact(ips, found))
                    .isEqualTo("server **80:: dan 2**.*.*13.7");
        }

        @Test
        void saltedHashIsStablePerSaltAndDiffersAcrossSalts() {
            byte[] salt = "workspace-salt-0001".getBytes(StandardCharsets.UTF_8);
            String first = RedactionSession.builder()
                    .operator(RedactionOperator.saltedHash(salt))
                    .build()
                    .redact(text, findings);
            String again = RedactionSession.builder()
                    .operator(RedactionOperator.saltedHash(salt))
                    .build()
                    .redact(text, findings);
            String other = RedactionSession.builder()
                    .operator(RedactionOperator.saltedHash("another-salt-00002".getBytes(StandardCharsets.UTF_8)))
                    .build()
                    .redact(text, findings);
            assertThat(first)
                    .isEqualTo(again)
                    .isNotEqualTo(other)
                    .doesNotContain("4111")
                    .doesNotContain("budi");
            assertThat(first)
                    .matches("kartu \\[CREDIT_CARD:[0-9a-f]{16}\\], email \\[EMAIL:[0-9a-f]{16}\\], "
                            + "NIK \\[NIK:[0-9a-f]{16}\\]");
            assertThatThrownBy(() -> RedactionOperator.saltedHash(new byte[4]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(RedactionOperator.saltedHash(salt).toString()).doesNotContain("workspace");
        }

        @Test
        void removeDeletesTheValue() {
            RedactionSession session = RedactionSession.builder()
                    .operator(RedactionOperator.remove())
                    .build();
            assertThat(session.redact(text, findings)).isEqualTo("kartu , email , NIK ");
        }

        @Test
        void findingsOutOfOrderOrOutsideTheTextAreRefusedWithoutShowingValues() {
            RedactionSession session = RedactionSession.reversible();
            List<PiiFinding> reversed = new ArrayList<>(findings);
            java.util.Collections.reverse(reversed);
            assertThatThrownBy(() -> session.redact(text, reversed))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("4111");
            assertThatThrownBy(() -> session.redact("short", findings)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Streaming {
        @Test
        void aPlaceholderSplitAtEveryPossiblePointIsRestored() {
            RedactionSession session = RedactionSession.reversible();
            redact(session, "NIK 3201234567890123 dan HP 081234567890");
            String answer = "Data: [NIK_1] / [PHONE_1]. Array [1] tetap [x].";
            String expected = "Data: 3201234567890123 / 081234567890. Array [1] tetap [x].";
            for (int a = 0; a <= answer.length(); a++) {
                for (int b = a; b <= answer.length(); b += 3) {
                    StreamingRestorer r = session.streamingRestorer();
                    String out = r.accept(answer.substring(0, a))
                            + r.accept(answer.substring(a, b))
                            + r.accept(answer.substring(b))
                            + r.finish();
                    assertThat(out).as("split at %d and %d", a, b).isEqualTo(expected);
                }
            }
        }

        @Test
        void textThatCannotBeAPlaceholderIsPassedOnAtOnce() {
            RedactionSession session = RedactionSession.reversible();
            redact(session, "NIK 3201234567890123");
            StreamingRestorer r = session.streamingRestorer();
            assertThat(r.accept("Hasil [lab] normal, ")).isEqualTo("Hasil [lab] normal, ");
            assertThat(r.accept("NIK [NI")).isEqualTo("NIK ");
            assertThat(r.accept("K_1] ok")).isEqualTo("3201234567890123 ok");
            assertThat(r.finish()).isEmpty();
        }
    }

    /**
     * The reversible round trip the gateway does, at the guard level: every segment of a request
     * is scanned and redacted in one session; the upstream (here an echo, like the gateway's echo
     * provider) sees only placeholders; the caller gets the originals back.
     */
    @Test
    void reversibleRoundTripThroughAnEchoUpstream() {
        List<TextSegment> request = List.of(
                new TextSegment("messages[0].content", MessageRole.SYSTEM, "Kamu asisten klinis untuk dokter."),
                new TextSegment(
                        "messages[1].content",
                        MessageRole.USER,
                        "Pasien dengan NIK 3201234567890123 dan nomor HP 081234567890 datang dengan keluhan batuk."),
                new TextSegment(
                        "messages[2].tool_calls[0].function.arguments",
                        MessageRole.ASSISTANT,
                        "{\"nik\": \"3201234567890123\", \"email\": \"budi.santoso@rs-harapan.co.id\"}"),
                new TextSegment("messages[3].content", MessageRole.TOOL, "Pasien terdaftar, HP 081234567890 aktif."));

        RedactionSession session = RedactionSession.reversible();
        StringBuilder upstreamSaw = new StringBuilder();
        StringBuilder callerSent = new StringBuilder();
        for (TextSegment segment : request) {
            PiiVerdict verdict = policy.evaluate(scanner.scan(segment.text()));
            assertThat(verdict.blocked()).isFalse();
            upstreamSaw.append(session.redact(segment.text(), verdict.redact())).append('\n');
            callerSent.append(segment.text()).append('\n');
        }

        String echoed = upstreamSaw.toString(); // the echo provider answers with what it received
        assertThat(echoed)
                .doesNotContain("3201234567890123", "081234567890", "budi.santoso@rs-harapan.co.id")
                .contains("[NIK_1]", "[PHONE_1]", "[EMAIL_1]");
        assertThat(echoed.split("\\[NIK_1]", -1)).hasSize(3); // one placeholder for both occurrences
        assertThat(session.restore(echoed)).isEqualTo(callerSent.toString());

        StreamingRestorer streaming = session.streamingRestorer();
        StringBuilder streamed = new StringBuilder();
        for (int i = 0; i < echoed.length(); i += 7) {
            streamed.append(streaming.accept(echoed.substring(i, Math.min(echoed.length(), i + 7))));
        }
        assertThat(streamed.append(streaming.finish()).toString()).isEqualTo(callerSent.toString());
    }
}
