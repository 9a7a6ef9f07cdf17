package io.monago.atrium.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.monago.atrium.Atrium;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The SDK's {@code io.monago.atrium.internal} package is used by the SDK alone. This module's tests
 * see the classes of the SDK, the guard, the gateway and the CLI, so the rule covers all of them.
 * The SDK's packages are read from its module descriptor, so a package the SDK adds is in the SDK.
 */
@AnalyzeClasses(packages = "io.monago.atrium")
class SdkInternalsTest {

    private static final Set<String> SDK_PACKAGES = sdkPackages();

    @ArchTest
    static final ArchRule onlyTheSdkUsesItsInternals = noClasses()
            .that()
            .resideOutsideOfPackages(SDK_PACKAGES.toArray(String[]::new))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.monago.atrium.internal..")
            .because("io.monago.atrium.internal is the SDK's implementation, not its API");

    @ArchTest
    static void theRuleSeesEveryModule(JavaClasses classes) {
        assertThat(classes.stream().map(JavaClass::getPackageName))
                .anyMatch(p -> p.equals("io.monago.atrium.internal"))
                .anyMatch(p -> p.startsWith("io.monago.atrium.guard"))
                .anyMatch(p -> p.startsWith("io.monago.atrium.gateway"))
                .anyMatch(p -> p.startsWith("io.monago.atrium.cli"));
    }

    @Test
    void theSdkPackagesAreReadFromItsDescriptor() {
        assertThat(SDK_PACKAGES)
                .contains("io.monago.atrium", "io.monago.atrium.chat", "io.monago.atrium.internal")
                .noneMatch(p -> p.startsWith("io.monago.atrium.gateway")
                        || p.startsWith("io.monago.atrium.guard")
                        || p.startsWith("io.monago.atrium.cli"));
    }

    private static Set<String> sdkPackages() {
        try {
            Path sdk = Path.of(Atrium.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            ModuleDescriptor descriptor =
                    ModuleFinder.of(sdk).find("io.monago.atrium").orElseThrow().descriptor();
            return new TreeSet<>(descriptor.packages());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
