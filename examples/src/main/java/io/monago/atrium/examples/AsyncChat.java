package io.monago.atrium.examples;

import io.monago.atrium.AsyncAtrium;
import io.monago.atrium.Atrium;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Several questions in flight at once over one client, each answer printed with its audit id as it
 * arrives.
 *
 * <pre>
 * ./mvnw -q -pl examples exec:java -Dexample=AsyncChat
 * </pre>
 */
public final class AsyncChat {

    private AsyncChat() {}

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        List<String> questions = List.of(
                "What is the capital of Indonesia?",
                "Name three islands of Indonesia.",
                "What currency does Indonesia use?");
        try (Atrium client = Atrium.fromEnv()) {
            AsyncAtrium async = client.async();
            List<CompletableFuture<Void>> calls = questions.stream()
                    .map(question -> async.chat()
                            .completions()
                            .create(ChatCompletionRequest.builder()
                                    .model(Examples.model())
                                    .addUserMessage(question)
                                    .build())
                            .thenAccept(answer -> print(question, answer)))
                    .toList();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        }
    }

    private static void print(String question, ChatCompletion answer) {
        System.out.printf(
                "Q: %s%nA: %s%n   (audit id %s)%n",
                question, answer.content(), answer.governance().auditId().orElse("-"));
    }
}
