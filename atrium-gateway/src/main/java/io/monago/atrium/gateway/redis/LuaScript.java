package io.monago.atrium.gateway.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Lua script Redis runs atomically: no other command runs between its reads and its writes, so
 * several gateway instances can check and take in one step. Sent by its SHA-1 digest, and whole only
 * when the server does not know it yet (after a restart or a {@code SCRIPT FLUSH}).
 *
 * <pre>{@code
 * LuaScript reserve = LuaScript.resource(MyStore.class, "reserve.lua", 1_000);
 * reserve.run(redis, List.of("atrium:k"), List.of("1")).onSuccess(r -> ...);
 * }</pre>
 */
public final class LuaScript {

    private final String text;
    private final String sha;
    private final long timeoutMs;

    /**
     * Creates a script.
     *
     * @param text the Lua source
     * @param timeoutMs how long a run may take before it counts as failed (the store unreachable)
     */
    public LuaScript(String text, long timeoutMs) {
        this.text = text;
        this.sha = sha1(text);
        this.timeoutMs = timeoutMs;
    }

    /**
     * Reads a script that sits beside a class.
     *
     * @param owner the class whose package holds it
     * @param name the file name
     * @param timeoutMs how long a run may take
     * @return the script
     */
    public static LuaScript resource(Class<?> owner, String name, long timeoutMs) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the script " + name + " is missing beside " + owner.getName());
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8), timeoutMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the script.
     *
     * @param redis the client
     * @param keys the keys it touches ({@code KEYS})
     * @param args its arguments ({@code ARGV})
     * @return its reply; failed when Redis cannot be reached or does not answer in time
     */
    public Future<Response> run(Redis redis, List<String> keys, List<String> args) {
        return redis.send(request(Command.EVALSHA, sha, keys, args))
                .recover(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")
                        ? redis.send(request(Command.EVAL, text, keys, args))
                        : Future.failedFuture(e))
                .timeout(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private static Request request(Command command, String script, List<String> keys, List<String> args) {
        Request r = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(r::arg);
        args.forEach(r::arg);
        return r;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
