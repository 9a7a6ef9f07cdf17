package io.monago.atrium.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository keeps copies of the shared protocol files so a clean clone builds on its own; this
 * test fails when a copy no longer matches the shared original.
 */
class ConformanceCopyTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path SHARED = REPO.resolveSibling("shared");

    @Test
    void conformanceCasesMatchTheSharedOriginals() throws IOException {
        assertSameFiles(SHARED.resolve("conformance"), REPO.resolve("conformance"), ".json");
    }

    @Test
    void promptInjectionDatasetMatchesTheSharedOriginal() throws IOException {
        assertSameFiles(SHARED.resolve("datasets/prompt-injection"), REPO.resolve("datasets/prompt-injection"), "");
    }

    private static void assertSameFiles(Path original, Path copy, String suffix) throws IOException {
        assumeTrue(Files.isDirectory(original), "no shared folder next to this checkout: " + original);
        List<Path> originals;
        try (Stream<Path> files = Files.list(original)) {
            originals = files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
        assertThat(originals).isNotEmpty();
        for (Path file : originals) {
            Path mine = copy.resolve(file.getFileName().toString());
            assertThat(mine).as("copy of " + file).exists();
            assertThat(Files.readAllBytes(mine))
                    .as("copy of " + file + " drifted")
                    .isEqualTo(Files.readAllBytes(file));
        }
    }
}
