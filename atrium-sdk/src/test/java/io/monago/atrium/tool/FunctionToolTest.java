package io.monago.atrium.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FunctionToolTest {

    enum Priority {
        ROUTINE,
        URGENT
    }

    record LabOrder(String mrn, Priority priority, List<String> tests, Optional<String> note) {}

    private final AtomicReference<LabOrder> ran = new AtomicReference<>();

    private final FunctionTool order = FunctionTool.of("order_lab", "Orders lab tests", LabOrder.class, o -> {
        ran.set(o);
        return Map.of("order_id", "LAB-1", "tests", o.tests().size());
    });

    @Test
    void argumentsAreBoundToTheRecordAndTheResultWrittenAsJson() {
        ToolResult result = order.invoke("{\"mrn\":\"RM-0042\",\"priority\":\"URGENT\",\"tests\":[\"CBC\",\"CRP\"]}");

        assertThat(result.status()).isEqualTo(ToolResult.Status.OK);
        assertThat(result.content()).contains("\"order_id\":\"LAB-1\"").contains("\"tests\":2");
        assertThat(ran.get())
                .isEqualTo(new LabOrder("RM-0042", Priority.URGENT, List.of("CBC", "CRP"), Optional.empty()));
    }

    @Test
    void anOptionalPresentIsBoundAsPresent() {
        order.invoke("{\"mrn\":\"RM-1\",\"priority\":\"ROUTINE\",\"tests\":[],\"note\":\"fasting\"}");

        assertThat(ran.get().note()).contains("fasting");
    }

    @Test
    void argumentsThatDoNotFitAreReportedByFieldWithoutTheValueAndTheToolDoesNotRun() {
        ToolResult result = order.invoke(
                "{\"mrn\":3201234567890123,\"priority\":\"STAT\",\"tests\":\"CBC\",\"nik\":\"3201234567890123\"}");

        assertThat(result.status()).isEqualTo(ToolResult.Status.INVALID_ARGUMENTS);
        assertThat(result.content())
                .contains("mrn: expected string, got a number")
                .contains("priority: expected one of [\"ROUTINE\",\"URGENT\"]")
                .contains("tests: expected array, got a string")
                .contains("nik: not a known field")
                .doesNotContain("3201234567890123");
        assertThat(ran.get()).isNull();
    }

    @Test
    void aMissingRequiredFieldAndTextThatIsNotJsonAreReported() {
        assertThat(order.invoke("{\"priority\":\"URGENT\",\"tests\":[]}").content())
                .contains("mrn: required");
        ToolResult notJson = order.invoke("mrn=RM-1");
        assertThat(notJson.status()).isEqualTo(ToolResult.Status.INVALID_ARGUMENTS);
        assertThat(notJson.content()).contains("not JSON");
        assertThat(ran.get()).isNull();
    }

    @Test
    void aToolThatThrowsBecomesAResultTheModelCanRead() {
        FunctionTool failing = FunctionTool.builder("lookup")
                .description("Looks up")
                .handler(args -> {
                    throw new IllegalStateException("registry is offline");
                })
                .build();

        ToolResult result = failing.invoke("{}");

        assertThat(result.status()).isEqualTo(ToolResult.Status.FAILED);
        assertThat(result.content()).isEqualTo("Error: lookup failed: IllegalStateException: registry is offline");
    }

    @Test
    void anExplicitSchemaIsSentAndChecked() {
        FunctionTool tool = FunctionTool.builder("now")
                .description("The time")
                .parameters(Map.of(
                        "type", "object",
                        "properties", Map.of("zone", Map.of("type", "string")),
                        "required", List.of("zone")))
                .handler(args -> "12:00 " + args.path("zone").asText())
                .build();

        assertThat(tool.definition()
                        .toJson()
                        .path("function")
                        .path("parameters")
                        .path("required")
                        .get(0)
                        .asText())
                .isEqualTo("zone");
        assertThat(tool.invoke("{\"zone\":\"WIB\"}").content()).isEqualTo("12:00 WIB");
        assertThat(tool.invoke("{}").content()).contains("zone: required");
    }

    @Test
    void badDefinitionsFailAtBuildTimeNamingTheProblem() {
        assertThatThrownBy(() -> FunctionTool.builder("has space")).hasMessageContaining("tool name 'has space'");
        assertThatThrownBy(() -> FunctionTool.builder("x").parameters(Map.of("type", "string")))
                .hasMessageContaining("\"type\": \"object\"");
        assertThatThrownBy(() -> FunctionTool.of("x", "d", String.class, s -> s))
                .hasMessageContaining("must be an object");
    }
}
