package io.monago.atrium.examples;

import io.monago.atrium.Atrium;
import io.monago.atrium.Governance;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionPublisher;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A streamed answer printed as it is generated, then its governance; once with the blocking client
 * (a for-each loop), once with the async one (a {@link Flow.Subscriber} asking for one chunk at a
 * time).
 *
 * <pre>
 * ./mvnw -q -pl examples exec:java -Dexample=StreamingChat
 * </pre>
 */
public final class StreamingChat {

    private StreamingChat() {}

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(Examples.model())
                .addSystemMessage("Kamu asisten klinis untuk dokter.")
                .addUserMessage("Pasien NIK 3201234567890123 batuk 2 minggu. Apa yang perlu diperiksa?")
                .build();
        try (Atrium client = Atrium.fromEnv()) {
            System.out.println("-- blocking");
            try (ChatCompletionStream stream = client.chat().completions().createStreaming(request)) {
                for (ChatCompletionChunk chunk : stream) {
                    System.out.print(chunk.content());
                    System.out.flush();
                }
                System.out.println();
                print(stream.governance());
            }

            System.out.println("-- async");
            ChatCompletionPublisher chunks = client.async().chat().completions().createStreaming(request);
            CompletableFuture<Void> done = new CompletableFuture<>();
            chunks.subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(1);
                }

                @Override
                public void onNext(ChatCompletionChunk chunk) {
                    System.out.print(chunk.content());
                    System.out.flush();
                    subscription.request(1);
                }

                @Override
                public void onError(Throwable e) {
                    done.completeExceptionally(e);
                }

                @Override
                public void onComplete() {
                    done.complete(null);
                }
            });
            ChatCompletion whole = done.thenCompose(v -> chunks.completion()).join();
            System.out.println();
            System.out.println("usage: "
                    + whole.usage().map(u -> u.totalTokens() + " tokens").orElse("not reported"));
            print(whole.governance());
        }
    }

    private static void print(Governance g) {
        System.out.printf(
                "audit id %s, PII redacted %s, decision %s, cost %s IDR%n",
                g.auditId().orElse("-"),
                g.piiRedacted(),
                g.decisionWord().orElse("-"),
                g.costIdr().isPresent() ? g.costIdr().getAsDouble() : "-");
    }
}
