package io.monago.atrium.guard;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The guard's packages form a hierarchy: no package depends, even indirectly, on itself. */
class PackageStructureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.monago.atrium.guard");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.monago.atrium.guard.(**)")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }
}
