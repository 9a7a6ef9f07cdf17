package io.monago.atrium.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    enum Ward {
        IGD,
        ICU,
        PARU
    }

    record Vitals(@Param("beats per minute") int heartRate, double temperature) {}

    record Admission(
            @Param("medical record number") String mrn,
            Ward ward,
            boolean urgent,
            long bedNumber,
            BigDecimal depositIdr,
            List<String> complaints,
            Set<Ward> previousWards,
            Optional<String> note,
            Vitals vitals,
            Map<String, Integer> scores,
            JsonNode extra) {}

    record Loop(Loop next) {}

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void primitivesAndTheirBoxes() throws Exception {
        assertThat(JsonSchemas.of(String.class)).isEqualTo(json("{\"type\":\"string\"}"));
        assertThat(JsonSchemas.of(char.class)).isEqualTo(json("{\"type\":\"string\"}"));
        assertThat(JsonSchemas.of(boolean.class)).isEqualTo(json("{\"type\":\"boolean\"}"));
        assertThat(JsonSchemas.of(Boolean.class)).isEqualTo(json("{\"type\":\"boolean\"}"));
        for (Class<?> whole : List.of(
                int.class,
                Integer.class,
                long.class,
                Long.class,
                short.class,
                byte.class,
                java.math.BigInteger.class)) {
            assertThat(JsonSchemas.of(whole)).as(whole.getName()).isEqualTo(json("{\"type\":\"integer\"}"));
        }
        for (Class<?> decimal : List.of(double.class, Double.class, float.class, BigDecimal.class)) {
            assertThat(JsonSchemas.of(decimal)).as(decimal.getName()).isEqualTo(json("{\"type\":\"number\"}"));
        }
    }

    @Test
    void enumIsItsConstantNames() throws Exception {
        assertThat(JsonSchemas.of(Ward.class))
                .isEqualTo(json("{\"type\":\"string\",\"enum\":[\"IGD\",\"ICU\",\"PARU\"]}"));
    }

    @Test
    void recordIsAClosedObjectWithEveryNonOptionalComponentRequired() throws Exception {
        JsonNode schema = JsonSchemas.of(Admission.class);
        assertThat(schema).isEqualTo(json("""
                {"type":"object","properties":{
                   "mrn":{"type":"string","description":"medical record number"},
                   "ward":{"type":"string","enum":["IGD","ICU","PARU"]},
                   "urgent":{"type":"boolean"},
                   "bedNumber":{"type":"integer"},
                   "depositIdr":{"type":"number"},
                   "complaints":{"type":"array","items":{"type":"string"}},
                   "previousWards":{"type":"array","items":{"type":"string","enum":["IGD","ICU","PARU"]},"uniqueItems":true},
                   "note":{"type":"string"},
                   "vitals":{"type":"object","properties":{
                       "heartRate":{"type":"integer","description":"beats per minute"},
                       "temperature":{"type":"number"}},
                     "required":["heartRate","temperature"],"additionalProperties":false},
                   "scores":{"type":"object","additionalProperties":{"type":"integer"}},
                   "extra":{}},
                 "required":["mrn","ward","urgent","bedNumber","depositIdr","complaints","previousWards","vitals","scores","extra"],
                 "additionalProperties":false}
                """));
    }

    @Test
    void arrayIsAnArrayOfItsComponent() throws Exception {
        assertThat(JsonSchemas.of(int[].class))
                .isEqualTo(json("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}"));
    }

    @Test
    void unsupportedTypesAreNamed() {
        assertThatThrownBy(() -> JsonSchemas.of(Object.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> JsonSchemas.of(Loop.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains itself");
        assertThatThrownBy(() -> JsonSchemas.of(List.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raw");
    }
}
