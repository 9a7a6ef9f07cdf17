package io.monago.atrium.examples;

import io.monago.atrium.AsyncAtrium;
import io.monago.atrium.Atrium;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Several questions in flight over one client, at most two at a time ({@code maxConcurrentRequests};
 * the third waits for a place), each answer printed with its audit id as it arrives.
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
        // The key and base URL still come from ATRIUM_API_KEY and ATRIUM_BASE_URL.
        try (Atrium client = Atrium.builder().maxConcurrentRequests(2).build()) {
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
