package io.monago.atrium.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the compiled module descriptor exports: the packages callers use, and nothing internal. */
class ModuleDescriptorTest {
    private static final ModuleDescriptor DESCRIPTOR = ModuleFinder.of(Path.of("target/classes"))
            .find("io.monago.atrium.guard")
            .orElseThrow(() -> new AssertionError("no module io.monago.atrium.guard in target/classes"))
            .descriptor();

    @Test
    void exportsExactlyThePublicPackages() {
        assertThat(DESCRIPTOR.exports().stream()
                        .peek(e -> assertThat(e.isQualified())
                                .as("%s is exported to everyone", e.source())
                                .isFalse())
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "io.monago.atrium.guard",
                        "io.monago.atrium.guard.pii",
                        "io.monago.atrium.guard.pii.check",
                        "io.monago.atrium.guard.pii.entity",
                        "io.monago.atrium.guard.pii.recognizer",
                        "io.monago.atrium.guard.redact",
                        "io.monago.atrium.guard.security",
                        "io.monago.atrium.guard.security.category",
                        "io.monago.atrium.guard.toxicity",
                        "io.monago.atrium.guard.toxicity.category");
    }

    @Test
    void theTestsRunInsideTheNamedModule() {
        // Surefire puts the guard on the module path and patches the tests into it, so resource
        // loading is exercised under the module system's encapsulation.
        assertThat(TextSegment.class.getModule().getName()).isEqualTo("io.monago.atrium.guard");
        assertThat(ModuleDescriptorTest.class.getModule()).isEqualTo(TextSegment.class.getModule());
    }

    @Test
    void needsNothingButTheJdkBase() {
        assertThat(DESCRIPTOR.requires().stream().map(ModuleDescriptor.Requires::name))
                .containsExactly("java.base");
        assertThat(DESCRIPTOR.opens()).isEmpty();
    }
}
