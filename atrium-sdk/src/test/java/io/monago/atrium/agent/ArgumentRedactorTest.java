package io.monago.atrium.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ArgumentRedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void longDigitRunsAreMaskedToTheirLastFourInStringsNumbersAndNestedValues() throws Exception {
        JsonNode args = JSON.readTree("""
                {"nik":"3201234567890123","phone":"0812-3456-7890","card":4111111111111111,
                 "note":"NIK 3201234567890123 rawat inap","age":54,"mrn":"RM-0042",
                 "contacts":[{"phone":"081234567890"}]}""");

        JsonNode masked = ArgumentRedactor.maskDigitRuns().redact(args.deepCopy());

        assertThat(masked.path("nik").asText()).isEqualTo("************0123");
        assertThat(masked.path("phone").asText()).isEqualTo("********7890");
        assertThat(masked.path("card").asText()).isEqualTo("************1111");
        assertThat(masked.path("note").asText()).isEqualTo("NIK ************0123 rawat inap");
        assertThat(masked.path("age").asInt()).isEqualTo(54);
        assertThat(masked.path("mrn").asText()).isEqualTo("RM-0042");
        assertThat(masked.path("contacts").get(0).path("phone").asText()).isEqualTo("********7890");
        assertThat(masked.toString()).doesNotContain("3201234567890123").doesNotContain("4111111111111111");
    }

    @Test
    void noneShowsTheArgumentsAsTheyAre() throws Exception {
        JsonNode args = JSON.readTree("{\"nik\":\"3201234567890123\"}");

        assertThat(ArgumentRedactor.none().redact(args)).isEqualTo(args);
    }
}
