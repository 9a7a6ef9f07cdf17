package io.monago.atrium.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The gateway's house rules, checked on its compiled classes: packages form layers with no cycles,
 * the chain and the values it carries sit below every filter, and filters never reach up into the
 * HTTP glue or the wiring.
 */
class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.monago.atrium.gateway");

    /** Every package that holds one step of the walk. */
    private static final String[] FILTERS = {
        "..gateway.access..",
        "..gateway.eval..",
        "..gateway.audit..",
        "..gateway.auth..",
        "..gateway.idempotency..",
        "..gateway.inspect..",
        "..gateway.limit..",
        "..gateway.meter..",
        "..gateway.policy..",
        "..gateway.redact..",
        "..gateway.route..",
        "..gateway.upstream..",
        "..gateway.validate.."
    };

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        Path root = Path.of("src/main/java/io/monago/atrium/gateway");
        try (var dirs = Files.walk(root)) {
            var undocumented = dirs.filter(Files::isDirectory)
                    .filter(ArchitectureTest::holdsJava)
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .toList();
            assertThat(undocumented).isEmpty();
        }
    }

    private static boolean holdsJava(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("io.monago.atrium.gateway.(*)..")
                .should()
                .beFreeOfCycles()
                .check(GATEWAY);
    }

    @Test
    void theChainAndItsValuesDependOnNoFilter() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..gateway.chain..",
                        "..gateway.exchange..",
                        "..gateway.chat..",
                        "..gateway.workspace..",
                        "..gateway.provider..",
                        "..gateway.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FILTERS)
                .check(GATEWAY);
    }

    @Test
    void filtersDoNotReachUpIntoTheHttpGlueOrTheWiring() {
        noClasses()
                .that()
                .resideInAnyPackage(FILTERS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..gateway.http..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(Gateway.class.getName())
                .check(GATEWAY);
    }

    @Test
    void filtersDoNotDependOnEachOther() {
        for (String filter : FILTERS) {
            String[] others =
                    Arrays.stream(FILTERS).filter(f -> !f.equals(filter)).toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(filter)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(GATEWAY);
        }
    }
}
