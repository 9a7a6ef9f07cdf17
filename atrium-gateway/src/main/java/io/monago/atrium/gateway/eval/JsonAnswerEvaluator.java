package io.monago.atrium.gateway.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Scores 1 when the request asked for JSON ({@code response_format} of type {@code json_object} or
 * {@code json_schema}) and the answer is not valid JSON, or breaks the requested schema (see
 * {@link JsonSchemaCheck} for the keywords checked); 0 when it is; empty when the request asked for
 * no JSON.
 */
public final class JsonAnswerEvaluator implements Evaluator {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Future<OptionalDouble> evaluate(EvalInput input) {
        Optional<JsonNode> format = input.responseFormat();
        String type = format.map(f -> f.path("type").asText("")).orElse("");
        if (!type.equals("json_object") && !type.equals("json_schema")) {
            return Future.succeededFuture(OptionalDouble.empty());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(input.text());
        } catch (JsonProcessingException e) {
            return Future.succeededFuture(OptionalDouble.of(1));
        }
        if (answer == null || answer.isMissingNode()) {
            return Future.succeededFuture(OptionalDouble.of(1));
        }
        if (type.equals("json_object") && !answer.isObject()) {
            return Future.succeededFuture(OptionalDouble.of(1));
        }
        JsonNode schema = format.get().path("json_schema").path("schema");
        if (type.equals("json_schema") && schema.isObject() && !JsonSchemaCheck.conforms(answer, schema)) {
            return Future.succeededFuture(OptionalDouble.of(1));
        }
        return Future.succeededFuture(OptionalDouble.of(0));
    }
}
