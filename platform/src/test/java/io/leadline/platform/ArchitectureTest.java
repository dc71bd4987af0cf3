package io.leadline.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Platform is what services share, so it knows none of them. */
class ArchitectureTest {

    @Test
    void importsNoService() {
        JavaClasses platform = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.leadline.platform");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.leadline.gateway..", "io.leadline.core..",
                        "io.leadline.activities..", "io.leadline.comments..", "io.leadline.events..",
                        "io.leadline.devstack..")
                .because("platform is what services share; a service-specific idea in it would couple them all")
                .check(platform);
    }
}
