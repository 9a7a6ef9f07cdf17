package io.monago.atrium.cli;

import io.monago.atrium.Atrium;
import io.monago.atrium.Governance;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.errors.AuthException;
import io.monago.atrium.errors.PolicyBlockedException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atrium chat}: one message through a running gateway, printing the answer (as it is
 * generated, with {@code --stream}) and its governance. Exit status 0 when answered, 3 when policy
 * blocked it, 1 on any other failure.
 */
@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description = "Send one message to a running gateway and print the answer and its governance.",
        footer = {"", "Exit status: 0 answered, 3 blocked by policy, 1 other failure, 2 bad usage."})
final class ChatCommand implements Callable<Integer> {

    /** Exit status of a call that policy blocked. */
    static final int BLOCKED = 3;

    static final String LOCAL_GATEWAY = "http://127.0.0.1:8080/v1";

    @Parameters(paramLabel = "TEXT", description = "the message to send")
    private String text;

    @Option(
            names = "--model",
            paramLabel = "M",
            defaultValue = "gpt-5.4-mini",
            description = "model (default: ${DEFAULT-VALUE})")
    private String model;

    @Option(names = "--system", paramLabel = "TEXT", description = "a system message to send first")
    private String system;

    @Option(
            names = "--stream",
            description = "print the answer as it is generated, then its governance (the headers', with the"
                    + " stream's last governance object merged over them)")
    private boolean stream;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "gateway base URL (default: $ATRIUM_BASE_URL, else " + LOCAL_GATEWAY + ")")
    private String baseUrl;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "API key (default: $ATRIUM_API_KEY, then $MONAGO_API_KEY)")
    private String apiKey;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    private final Function<String, String> env;
    private boolean midLine;

    ChatCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Terminal t = Terminal.detect(env, spec.commandLine().getOut());
        GovernancePrinter printer = new GovernancePrinter(t);
        String url = Optional.ofNullable(baseUrl)
                .or(() -> Optional.ofNullable(env.apply(Atrium.BASE_URL_ENV)).filter(s -> !s.isBlank()))
                .orElse(LOCAL_GATEWAY);
        Atrium.Builder builder = Atrium.builder().environment(env).baseUrl(url);
        if (apiKey != null) {
            builder.apiKey(apiKey);
        }
        try (Atrium client = build(builder)) {
            ChatCompletionRequest.Builder request =
                    ChatCompletionRequest.builder().model(model);
            if (system != null) {
                request.addSystemMessage(system);
            }
            request.addUserMessage(text);
            Governance governance =
                    stream ? streamAnswer(client, request.build(), t) : answer(client, request.build(), t);
            t.println("");
            t.println(t.bold("Governance"));
            printer.governance(governance);
            return 0;
        } catch (PolicyBlockedException e) {
            endPartialLine(t);
            t.println(t.red("Blocked by policy"));
            printer.error(e);
            return BLOCKED;
        } catch (AtriumException e) {
            endPartialLine(t);
            t.println(t.red("The call failed"));
            printer.error(e);
            return 1;
        }
    }

    private static Governance answer(Atrium client, ChatCompletionRequest request, Terminal t) {
        ChatCompletion res = client.chat().completions().create(request);
        t.println(res.content());
        return res.governance();
    }

    /** Prints each piece of the answer as it arrives; the governance is complete once the stream is. */
    private Governance streamAnswer(Atrium client, ChatCompletionRequest request, Terminal t) {
        try (ChatCompletionStream chunks = client.chat().completions().createStreaming(request)) {
            for (ChatCompletionChunk chunk : chunks) {
                String piece = chunk.content();
                if (!piece.isEmpty()) {
                    t.print(piece);
                    midLine = !piece.endsWith("\n");
                }
            }
            t.println("");
            midLine = false;
            return chunks.governance();
        }
    }

    /** A stream that fails part way leaves its text on an open line; the error starts on the next. */
    private void endPartialLine(Terminal t) {
        if (midLine) {
            t.println("");
            midLine = false;
        }
    }

    private static Atrium build(Atrium.Builder builder) {
        try {
            return builder.build();
        } catch (AuthException e) {
            throw new UsageProblem(e.getMessage() + " (or pass --api-key)");
        }
    }
}
