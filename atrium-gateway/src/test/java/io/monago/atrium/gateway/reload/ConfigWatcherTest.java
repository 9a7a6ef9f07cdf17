package io.monago.atrium.gateway.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher runs its action once a burst of writes has settled, not once per write. */
class ConfigWatcherTest {

    @TempDir
    Path dir;

    @Test
    void aBurstOfWritesRunsTheActionFewerTimesThanItWrote() throws Exception {
        Path file = dir.resolve("atrium.yaml");
        Files.writeString(file, "v0");
        AtomicInteger runs = new AtomicInteger();
        Semaphore ran = new Semaphore(0);
        int writes = 20;
        ConfigWatcher watcher = ConfigWatcher.start(file, Duration.ofMillis(300), () -> {
            runs.incrementAndGet();
            ran.release();
        });
        try {
            for (int i = 1; i <= writes; i++) {
                Files.writeString(file, "v" + i);
            }
            assertThat(ran.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            watcher.close();
        }
        assertThat(runs.get()).isBetween(1, writes - 1);
    }

    @Test
    void aFileReplacedByRenameIsSeen() throws Exception {
        Path file = dir.resolve("atrium.yaml");
        Files.writeString(file, "v0");
        Semaphore ran = new Semaphore(0);
        ConfigWatcher watcher = ConfigWatcher.start(file, Duration.ofMillis(50), ran::release);
        try {
            // Editors often save to a new file and rename it over the old one.
            Path swap = dir.resolve(".atrium.yaml.swp");
            Files.writeString(swap, "v1");
            Files.move(swap, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(ran.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            watcher.close();
        }
        assertThat(Files.readString(file)).isEqualTo("v1");
    }
}
