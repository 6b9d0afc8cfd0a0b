package com.clickairtime.balance.sandbox;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The sandbox's packages read as layers, each using only those below it:
 * config, logging, wire and routing at the bottom; then error; ratelimit and dataset; access;
 * wallet, example, parameter, container and docs; web; and the application at the top.
 */
class SandboxPackagesTest {

    private static final JavaClasses SANDBOX = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.clickairtime.balance.sandbox");

    @Test
    void noPackageCycles() {
        slices().matching("com.clickairtime.balance.sandbox.(*)..").should().beFreeOfCycles().check(SANDBOX);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy("com.clickairtime.balance.sandbox")
                .layer("web").definedBy("..sandbox.web..")
                .layer("wallet").definedBy("..sandbox.wallet..")
                .layer("example").definedBy("..sandbox.example..")
                .layer("container").definedBy("..sandbox.container..")
                .layer("docs").definedBy("..sandbox.docs..")
                .layer("parameter").definedBy("..sandbox.parameter..")
                .layer("access").definedBy("..sandbox.access..")
                .layer("ratelimit").definedBy("..sandbox.ratelimit..")
                .layer("dataset").definedBy("..sandbox.dataset..")
                .layer("error").definedBy("..sandbox.error..")
                .layer("foundation").definedBy("..sandbox.config..", "..sandbox.logging..", "..sandbox.wire..", "..sandbox.net..",
                        "..sandbox.routing..")
                .whereLayer("application").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayOnlyBeAccessedByLayers("application")
                .whereLayer("wallet").mayOnlyBeAccessedByLayers("application", "web")
                .whereLayer("example").mayOnlyBeAccessedByLayers("application", "web")
                .whereLayer("container").mayOnlyBeAccessedByLayers("application", "web")
                .whereLayer("docs").mayOnlyBeAccessedByLayers("application", "web")
                .whereLayer("parameter").mayOnlyBeAccessedByLayers("application", "web")
                .whereLayer("access").mayOnlyBeAccessedByLayers("application", "web", "wallet", "example", "container", "docs")
                .whereLayer("ratelimit").mayOnlyBeAccessedByLayers("application", "web", "wallet", "container", "docs", "access")
                .whereLayer("dataset").mayOnlyBeAccessedByLayers("application", "web", "wallet", "example", "container", "docs", "access")
                .whereLayer("error").mayOnlyBeAccessedByLayers("application", "web", "wallet", "example", "container", "docs",
                        "parameter", "access", "ratelimit", "dataset")
                .check(SANDBOX);
    }
}
