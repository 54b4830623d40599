package io.wms.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The production jar holds no bulk loader: the synthetic-data generator, which drops indexes and foreign keys and
 * suspends triggers while it loads with {@code COPY}, is the module wms-generator.
 */
@AnalyzeClasses(packages = "io.wms.core", importOptions = ImportOption.DoNotIncludeTests.class)
class NoBulkLoaderInCoreTest {

    @ArchTest
    static final ArchRule noClassOfWmsCoreCopiesInBulk = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.postgresql.copy..")
            .because("bulk loading, with its dropped indexes and suspended triggers, belongs to wms-generator, which "
                    + "no production application needs to carry");
}
