package io.monago.atrium.gateway.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches the folder of a file and runs an action once writes to it have been quiet for a while.
 * Editors save in bursts (a truncate and several writes, or a new file renamed over the old one),
 * and a Kubernetes ConfigMap swaps a symbolic link beside the file: each change to the file (to
 * anything in its folder, when the file is a link) starts or restarts the quiet period, and the
 * action decides whether the file's content really changed.
 *
 * <pre>{@code
 * try (ConfigWatcher w = ConfigWatcher.start(Path.of("atrium.yaml"), Duration.ofMillis(300), reloader::reloadIfChanged)) {
 *     ...
 * }
 * }</pre>
 */
public final class ConfigWatcher implements AutoCloseable {

    private final Path file;
    private final Path fileName;
    private final WatchService watch;
    private final ScheduledExecutorService settle;
    private final Thread listener;
    private final Duration quiet;
    private final Runnable action;
    private ScheduledFuture<?> pending;

    private ConfigWatcher(Path file, WatchService watch, Duration quiet, Runnable action) {
        this.file = file;
        this.fileName = file.getFileName();
        this.watch = watch;
        this.quiet = quiet;
        this.action = action;
        this.settle = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "atrium-config-reload"));
        this.listener = daemon(this::listen, "atrium-config-watch");
    }

    /**
     * Starts watching.
     *
     * @param file the file
     * @param quiet how long writes must have stopped before the action runs
     * @param action what to run then; it runs on the watcher's own thread, one run at a time
     * @return the watcher, to close
     * @throws IOException when the folder cannot be watched
     */
    public static ConfigWatcher start(Path file, Duration quiet, Runnable action) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        WatchService watch = FileSystems.getDefault().newWatchService();
        try {
            folder.register(
                    watch,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            watch.close();
            throw e;
        }
        ConfigWatcher w = new ConfigWatcher(file.toAbsolutePath(), watch, quiet, action);
        w.listener.start();
        return w;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void listen() {
        try {
            while (true) {
                WatchKey key = watch.take();
                boolean relevant = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    relevant |= concerns(event);
                }
                if (relevant) {
                    changed();
                }
                if (!key.reset()) {
                    return; // the folder is gone; nothing more will come
                }
            }
        } catch (ClosedWatchServiceException e) {
            // closed: stop listening
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether an event may have changed the file: an event on its name, or any event when the file
     * is a symbolic link (a ConfigMap swaps a link beside it). Other files in the folder (the audit
     * database, when it shares the folder) change all the time and must not hold a reload back.
     */
    private boolean concerns(WatchEvent<?> event) {
        return event.kind() == StandardWatchEventKinds.OVERFLOW
                || fileName.equals(event.context())
                || Files.isSymbolicLink(file);
    }

    /** Starts the quiet period again; the action runs when it ends without another change. */
    private synchronized void changed() {
        if (pending != null) {
            pending.cancel(false);
        }
        if (!settle.isShutdown()) {
            pending = settle.schedule(action, quiet.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops watching; an action already running finishes. */
    @Override
    public synchronized void close() {
        if (pending != null) {
            pending.cancel(false);
        }
        settle.shutdown();
        try {
            watch.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
