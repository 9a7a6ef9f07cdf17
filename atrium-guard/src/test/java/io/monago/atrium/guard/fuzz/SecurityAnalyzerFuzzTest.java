package io.monago.atrium.guard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.TextSegment;
import io.monago.atrium.guard.security.DecodeLimits;
import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityIncident;
import io.monago.atrium.guard.security.SecurityPolicy;
import io.monago.atrium.guard.security.SecurityReport;
import java.util.List;

/**
 * {@link SecurityAnalyzer#analyze} on any text (normaliser, lexicon, model, the decoders and the
 * rescan of what they decode): it never throws; every incident belongs to the segment, scores in
 * [{@link SecurityAnalyzer#DEFAULT_MIN_REPORTED_SCORE}, 1]; decoding stays within its budget; and the
 * default policy decides on any report.
 */
class SecurityAnalyzerFuzzTest {

    private static final SecurityAnalyzer ANALYZER = SecurityAnalyzer.defaults();
    private static final SecurityPolicy POLICY = SecurityPolicy.defaults();

    @FuzzTest(maxDuration = "15s")
    void analyze(byte[] input) {
        String text = FuzzText.decode(input).text();

        SecurityReport report =
                ANALYZER.analyze(List.of(new TextSegment("messages[0].content", MessageRole.USER, text)));

        for (SecurityIncident incident : report.incidents()) {
            assertThat(incident.path()).isEqualTo("messages[0].content");
            assertThat(incident.role()).isEqualTo(MessageRole.USER);
            assertThat(incident.score())
                    .as("score of %s", incident)
                    .isBetween(SecurityAnalyzer.DEFAULT_MIN_REPORTED_SCORE, 1.0);
        }
        assertThat(report.stats().charsAnalysed()).isEqualTo(text.length());
        assertThat(report.stats().bytesDecoded()).isLessThanOrEqualTo(DecodeLimits.DEFAULT.maxTotalBytes());
        assertThat(report.stats().payloadsDecoded()).isLessThanOrEqualTo(DecodeLimits.DEFAULT.maxPayloads());
        assertThat(report.stats().maxDepthReached()).isLessThanOrEqualTo(DecodeLimits.DEFAULT.maxDepth());
        assertThat(POLICY.evaluate(report)).isNotNull();
    }
}
