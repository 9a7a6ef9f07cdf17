package io.monago.atrium.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.validate.ValidateFilter;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.protocol.ErrorCode;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@link ValidateFilter} on any request (headers and body, {@link HttpInput}): it either passes the
 * request on, parsed, or refuses it with one of the protocol's errors for a request the gateway
 * cannot accept, never with an exception; a refusal's message says what is wrong without carrying
 * personal data or secrets back; a block names its reason.
 */
class ValidateFilterFuzzTest {

    /** Small, so that the fuzzer reaches the limit too. */
    private static final long MAX_BODY_BYTES = 16 * 1_024;

    private static final Set<ErrorCode> VALIDATION_ERRORS = EnumSet.of(
            ErrorCode.INVALID_REQUEST,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            ErrorCode.REQUEST_TOO_LARGE,
            ErrorCode.PII_BLOCKED);

    private static final WorkspacePolicy WORKSPACE = Calls.defaultWorkspace();
    private static final ValidateFilter FILTER = Calls.validateFilter(MAX_BODY_BYTES);
    private static final PiiScanner SCANNER = PiiScanner.defaults();

    @FuzzTest(maxDuration = "15s")
    @DictionaryFile(resourcePath = "chat-request.dict")
    void validate(byte[] input) {
        Exchange exchange = HttpInput.parse(input).exchange(WORKSPACE, MAX_BODY_BYTES);

        Step step = Steps.outcome(FILTER.onRequest(exchange), "validation");

        if (step instanceof Step.Reject reject) {
            Rejection r = reject.rejection();
            assertThat(VALIDATION_ERRORS).as("the error code of a refusal").contains(r.code());
            assertThat(r.message()).as("the message of a refusal").isNotBlank();
            assertThat(SCANNER.scan(r.message()))
                    .as("personal data or secrets in the message %s", r.code())
                    .isEmpty();
            assertThat(r.blockReason().isPresent())
                    .as("a block names its reason")
                    .isEqualTo(r.code().isBlock());
        } else {
            assertThat(step)
                    .as("what validation does with a request it accepts")
                    .isEqualTo(Step.CONTINUE);
            assertThat(exchange.body().path("messages").isArray()).isTrue();
            assertThat(exchange.model()).isPresent();
        }
    }
}
