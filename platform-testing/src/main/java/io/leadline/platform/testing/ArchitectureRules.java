package io.leadline.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering every service's {@code ArchitectureTest} holds: services stay apart, a service's feature packages
 * form no cycle, and resources reach data only through services. (Platform's own rule, that it knows no service,
 * lives in platform's test, since platform-testing depends on platform.)
 */
public final class ArchitectureRules {

    /** The root package of every deployable service; none may import another. */
    public static final List<String> SERVICE_ROOTS = List.of("io.leadline.gateway", "io.leadline.core",
            "io.leadline.activities", "io.leadline.comments", "io.leadline.events");

    private ArchitectureRules() {
    }

    /** Checks every rule against the production classes of the service rooted at {@code rootPackage}. */
    public static void checkService(String rootPackage) {
        JavaClasses classes = importService(rootPackage);
        noOtherService(rootPackage).check(classes);
        resourcesDoNotTouchRepositories().check(classes);
        featurePackagesFreeOfCycles(rootPackage).check(classes);
    }

    private static JavaClasses importService(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    static ArchRule noOtherService(String rootPackage) {
        String[] others = SERVICE_ROOTS.stream().filter(root -> !root.equals(rootPackage))
                .map(root -> root + "..").toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("a service learns about others from their events and APIs, never from their code")
                .allowEmptyShould(true);
    }

    static ArchRule featurePackagesFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    static ArchRule resourcesDoNotTouchRepositories() {
        return noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("resources speak HTTP; services own data access and its transactions")
                .allowEmptyShould(true);
    }
}
