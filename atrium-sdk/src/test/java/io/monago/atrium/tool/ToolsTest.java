package io.monago.atrium.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolsTest {

    record Patient(String mrn, String name, int age) {}

    public static final class PatientTools {
        @Tool("Finds a patient by medical record number")
        public Patient lookupPatient(@Param(name = "mrn", value = "medical record number") String mrn) {
            if (mrn.equals("RM-404")) {
                throw new IllegalStateException("no patient " + mrn);
            }
            return new Patient(mrn, "Budi", 54);
        }

        @Tool(name = "count", value = "Counts", requiresApproval = true)
        public int count(@Param(name = "items") List<Integer> items, @Param(name = "offset") Optional<Integer> offset) {
            return items.size() + offset.orElse(0);
        }

        public String notATool() {
            return "";
        }
    }

    public static final class Unnamed {
        @Tool("x")
        public String x(String unnamed) {
            return unnamed;
        }
    }

    @Test
    void annotatedMethodsBecomeToolsWithDerivedSchemas() throws Exception {
        List<FunctionTool> tools = Tools.from(new PatientTools());

        assertThat(tools).extracting(FunctionTool::name).containsExactly("count", "lookup_patient");
        FunctionTool lookup = tools.get(1);
        assertThat(lookup.description()).isEqualTo("Finds a patient by medical record number");
        assertThat(lookup.requiresApproval()).isFalse();
        assertThat(lookup.parameters()).isEqualTo(new ObjectMapper().readTree("""
                {"type":"object","properties":{"mrn":{"type":"string","description":"medical record number"}},
                 "required":["mrn"],"additionalProperties":false}"""));
        JsonNode count = tools.get(0).parameters();
        assertThat(count.path("required").toString()).isEqualTo("[\"items\"]");
        assertThat(tools.get(0).requiresApproval()).isTrue();
    }

    @Test
    void methodsAreCalledWithBoundArgumentsAndTheirExceptionsBecomeResults() {
        List<FunctionTool> tools = Tools.from(new PatientTools());

        assertThat(tools.get(1).invoke("{\"mrn\":\"RM-0042\"}").content())
                .isEqualTo("{\"mrn\":\"RM-0042\",\"name\":\"Budi\",\"age\":54}");
        assertThat(tools.get(0).invoke("{\"items\":[1,2,3],\"offset\":2}").content())
                .isEqualTo("5");
        assertThat(tools.get(0).invoke("{\"items\":[1]}").content()).isEqualTo("1");
        ToolResult failed = tools.get(1).invoke("{\"mrn\":\"RM-404\"}");
        assertThat(failed.status()).isEqualTo(ToolResult.Status.FAILED);
        assertThat(failed.content()).contains("IllegalStateException");
    }

    @Test
    void aParameterWithoutANameIsAClearError() {
        assertThatThrownBy(() -> Tools.from(new Unnamed()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compile with -parameters or name it with @Param");
        assertThatThrownBy(() -> Tools.from(new Object())).hasMessageContaining("no public method annotated @Tool");
    }
}
