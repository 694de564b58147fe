package vn.ansinh.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape every service keeps, checked by each service's {@code ArchitectureTest}:
 * <ul>
 *   <li>a service's code depends on itself, the event contracts ({@code vn.ansinh.events}) and the
 *       platform ({@code vn.ansinh.platform}) — never on another service;</li>
 *   <li>its business packages ({@code household}, {@code dedup}, {@code campaign}…) form no cycle, so
 *       each can be read, tested and changed from its own side of the dependency;</li>
 *   <li>Spring Modulith verifies the same packages as modules: no cycle, and nothing reaches into
 *       another module's internal sub-packages.</li>
 * </ul>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** @param applicationClass the service's {@code @SpringBootApplication}, at the root of its packages */
    public static void verify(Class<?> applicationClass) {
        String root = applicationClass.getPackageName();
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root);
        noClasses().should().dependOnClassesThat(resideInAPackage("vn.ansinh..")
                        .and(not(resideInAnyPackage(root + "..", "vn.ansinh.events..", "vn.ansinh.platform.."))))
                .as("code of " + root + " depends only on itself, vn.ansinh.events and vn.ansinh.platform")
                .check(classes);
        slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("the packages of " + root + " form no cycle").check(classes);
        // Spring Modulith's view of the same: each business package a module, no cycles, no reaching into another's internals.
        org.springframework.modulith.core.ApplicationModules.of(applicationClass).verify();
    }

    /** The platform serves every service and knows none of them. */
    public static void verifyPlatform() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ansinh.platform", "vn.ansinh.events");
        noClasses().should().dependOnClassesThat(resideInAPackage("vn.ansinh..")
                        .and(not(resideInAnyPackage("vn.ansinh.events..", "vn.ansinh.platform.."))))
                .as("the platform and the event contracts depend on no service").check(classes);
    }
}
