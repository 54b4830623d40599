package io.wms.core;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.WmsException;
import io.wms.core.internal.ApiGuard;
import io.wms.core.internal.OperationDeclaration;
import io.wms.core.internal.people.Passwords;
import io.wms.core.internal.people.UserEmails;

/**
 * The layout the README's section on modules promises, checked on the compiled classes of wms-api, wms-migrations,
 * wms-jooq-generated and wms-core: imports run one way, every part of {@code internal} is reached through its one
 * factory, and every library module declares what it exports.
 */
@AnalyzeClasses(packages = {"io.wms.core", "io.wms.migration", "io.wms.jooq"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayoutTest {

    /** The packages a host programs against, besides {@code io.wms.core} itself. */
    private static final String[] API = {"io.wms.core.auth..", "io.wms.core.inventory..", "io.wms.core.monitoring..",
            "io.wms.core.repository..", "io.wms.core.seed..", "io.wms.core.model..", "io.wms.core.error.."};
    private static final String PARTS = "io.wms.core.internal.*..";
    private static final String INTERNAL = "io.wms.core.internal";
    /** The libraries wms is built on, which its API does not show. */
    private static final String[] LIBRARIES = {"org.jooq..", "io.wms.jooq..", "com.zaxxer..", "org.postgresql..",
            "org.flywaydb.."};

    private static final Pattern EXPORTS = Pattern.compile("^\\s*exports ([\\w.]+);", Pattern.MULTILINE);
    /** Each library module's directory, and a pattern of the packages its own classes are in. */
    private static final Map<String, String> MODULES = Map.of(
            "../wms-api", "io\\.wms\\.core\\.(error|model)",
            "../wms-migrations", "io\\.wms\\.migration",
            "../wms-jooq-generated", "io\\.wms\\.jooq(\\..+)?",
            ".", "io\\.wms\\.core(?!\\.error|\\.model)(\\..+)?");

    @ArchTest
    static final ArchRule importsRunOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("metrics").definedBy("io.wms.core.metrics..")
            .layer("wms").definedBy("io.wms.core")
            .layer("parts").definedBy(PARTS)
            .layer("internal").definedBy(INTERNAL)
            .layer("schema").definedBy("io.wms.migration..", "io.wms.jooq..")
            .layer("api").definedBy(API)
            .whereLayer("metrics").mayNotBeAccessedByAnyLayer()
            .whereLayer("wms").mayOnlyBeAccessedByLayers("metrics")
            .whereLayer("parts").mayOnlyBeAccessedByLayers("wms")
            .whereLayer("internal").mayOnlyBeAccessedByLayers("wms", "parts")
            .whereLayer("schema").mayOnlyBeAccessedByLayers("wms", "parts", "internal")
            .because("the README promises io.wms.core -> the parts -> internal -> the API packages, and no package "
                    + "reaching one above it");

    @ArchTest
    static final ArchRule noPackageDependsItsWayBackIntoACycle = slices().matching("io.wms.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("io.wms.jooq.."), resideInAPackage("io.wms.jooq.."))
            .because("a cycle would make two packages one; the generated jOOQ classes are left out, as jOOQ writes "
                    + "its tables and keys referring to each other");

    @ArchTest
    static final ArchRule eachPartShowsOnlyItsFactoryAndSharedRules = classes().that().resideInAPackage(PARTS)
            .and().arePublic()
            .and().doNotBelongToAnyOf(Passwords.class, UserEmails.class)
            .should().haveSimpleNameEndingWith("Services")
            .because("each part of internal is reached through its one *Services factory, and shares only the rules "
                    + "the parts above it need");

    @ArchTest
    static final ArchRule jooqImplementationsArePackagePrivate = classes().that().resideInAPackage("io.wms.core..")
            .and().haveSimpleNameStartingWith("Jooq")
            .should().notBePublic()
            .because("the README promises the Jooq* implementations are package-private, built by their factories");

    @ArchTest
    static final ArchRule apiPackagesKnowNoImplementation = noClasses().that().resideInAnyPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(LIBRARIES)
            .orShould().dependOnClassesThat().resideInAPackage("io.wms.core.internal..")
            .because("a host programs against the API packages without jOOQ, the pool, the driver or Flyway");

    @ArchTest
    static final ArchRule theApiHandsOutNoneOfTheLibrariesUnderneath = methods().that().arePublic()
            .and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("io.wms.core..")
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("io.wms.core.internal..")
            .should().notHaveRawReturnType(resideInAnyPackage(LIBRARIES))
            .andShould().notHaveRawParameterTypes(anyElementThat(resideInAnyPackage(LIBRARIES)))
            .because("a public type of an exported package that takes or returns the pool, the driver or jOOQ "
                    + "(as ConnectionPools did) is plumbing, and belongs under internal or package-private");

    @ArchTest
    static final ArchRule statementsAreBuiltOnlyUnderInternal = noClasses()
            .that().resideOutsideOfPackages("io.wms.core.internal..", "io.wms.jooq..")
            .should().dependOnClassesThat().belongToAnyOf(DSL.class, DSLContext.class)
            .because("every statement is built and run under internal, where Transactions decides where it runs");

    @ArchTest
    static final ArchRule permissionsAreCheckedOnlyByTheOneRunner = noClasses()
            .that().doNotBelongToAnyOf(ApiGuard.class, OperationDeclaration.class, Actor.class)
            .should().callMethod(Actor.class, "require", Permission.class)
            .orShould().callConstructor(PermissionDeniedException.class, String.class, String.class)
            .because("every operation's permissions are declared on its method (@Reads, @Writes) and checked by "
                    + "ApiGuard alone, so that no implementation can forget, or add, a check of its own");

    @ArchTest
    static final ArchRule publicExceptionsAreWmsExceptions = classes().that().areAssignableTo(Throwable.class)
            .and().arePublic()
            .should().beAssignableTo(WmsException.class)
            .andShould().resideInAnyPackage("io.wms.core.error", "io.wms.migration")
            .because("every exception a host can catch is rooted at WmsException, in io.wms.core.error (the "
                    + "migrations' own in io.wms.migration)");

    @ArchTest
    static final ArchRule publicClassesOutsideInternalAreFinal = classes()
            .that().resideOutsideOfPackages("io.wms.core.internal..", "io.wms.jooq..")
            .and().arePublic()
            .and().areNotInterfaces()
            .and().areNotAssignableTo(Throwable.class)
            .should().haveModifier(JavaModifier.FINAL)
            .because("the API is interfaces, records, enums and final classes; a host extends none of them");

    @ArchTest
    static void eachPartHasExactlyOneFactory(JavaClasses classes) {
        Map<String, List<String>> factories = classes.stream()
                .filter(resideInAPackage(PARTS))
                .filter(type -> type.getSimpleName().endsWith("Services") && !type.isNestedClass())
                .collect(Collectors.groupingBy(JavaClass::getPackageName,
                        Collectors.mapping(JavaClass::getSimpleName, Collectors.toList())));
        Set<String> parts = classes.stream().filter(resideInAPackage(PARTS)).map(JavaClass::getPackageName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(factories.keySet()).as("parts with a factory").containsExactlyInAnyOrderElementsOf(parts);
        assertThat(factories).allSatisfy((part, names) -> assertThat(names).as(part).hasSize(1));
    }

    @ArchTest
    static void everyLibraryModuleExportsItsApiPackagesAndNothingElse(JavaClasses classes) {
        Set<String> allExports = new TreeSet<>();
        MODULES.forEach((module, packages) -> {
            Path descriptor = Path.of(module, "src/main/java/module-info.java");
            assertThat(descriptor).as(module).exists();
            Set<String> exports = exports(descriptor);
            assertThat(exports).as("exports of %s", module).allMatch(exported -> exported.matches(packages))
                    .noneMatch(exported -> exported.startsWith("io.wms.core.internal"));
            allExports.addAll(exports);
        });
        Set<String> apiPackages = classes.stream()
                .filter(not(resideInAnyPackage("io.wms.core.internal..")))
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getPackageName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(allExports).as("the exported packages are those with public types outside internal")
                .isEqualTo(apiPackages);
    }

    @ArchTest
    static void theModulesOnSpringAndOnTestLibrariesNameTheirAutomaticModule(JavaClasses classes) {
        assertThat(read(Path.of("../wms-testkit/pom.xml")))
                .contains("<Automatic-Module-Name>io.wms.testkit</Automatic-Module-Name>");
        assertThat(read(Path.of("../wms-spring-boot-starter/pom.xml")))
                .contains("<Automatic-Module-Name>io.wms.spring.boot</Automatic-Module-Name>");
    }

    private static Set<String> exports(Path descriptor) {
        Set<String> exports = new TreeSet<>();
        Matcher exported = EXPORTS.matcher(read(descriptor));
        while (exported.find()) {
            exports.add(exported.group(1));
        }
        return exports;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
