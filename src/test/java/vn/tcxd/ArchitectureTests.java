package vn.tcxd;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * House rules of STYLE.md that the compiler cannot see.
 */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.tcxd");

    static final List<String> MODULES_WITH_TABLES = List.of("calendar", "orgstructure", "security", "members", "evaluations", "cadres", "reports");

    @Test
    void shouldKeepJooqInsideInternalPackages() {
        noClasses().that().resideOutsideOfPackages("..internal..", "vn.tcxd.jooq..", "vn.tcxd.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..")
                .check(CLASSES);
    }

    /**
     * The public, read-only views other modules may join: orgstructure.unit_tree, members.roll_state,
     * members.member_name, members.discipline_record, evaluations.rating_result.
     */
    static final List<String> PUBLIC_VIEWS = List.of("UnitTree", "RollState", "MemberName", "DisciplineRecord",
            "RatingResult", "MemberProfile");

    private static DescribedPredicate<JavaClass> publicView() {
        DescribedPredicate<JavaClass> any = simpleNameStartingWith(PUBLIC_VIEWS.getFirst());
        for (String view : PUBLIC_VIEWS.subList(1, PUBLIC_VIEWS.size())) {
            any = any.or(simpleNameStartingWith(view));
        }
        return any;
    }

    @Test
    void shouldLetOnlyTheOwningModuleReadItsSchema() {
        for (String module : MODULES_WITH_TABLES) {
            noClasses().that().resideOutsideOfPackages("vn.tcxd." + module + ".internal..", "vn.tcxd.jooq..")
                    .should().dependOnClassesThat(resideInAnyPackage("vn.tcxd.jooq." + module + "..")
                            .and(not(publicView())))
                    .because("a module's tables are its own; others use its facade or its public views")
                    .check(CLASSES);
        }
    }

    @Test
    void shouldPutControllersInWebPackages() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .and().resideOutsideOfPackage("vn.tcxd.platform..")
                .should().resideInAPackage("..web..")
                .check(CLASSES);
    }

    @Test
    void shouldKeepWebLayerOnFacades() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .check(CLASSES);
    }

    @Test
    void shouldReadTimeOnlyFromTheInjectedClock() {
        noClasses().should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(Instant.class, "now")
                .because("dates with legal meaning come from the injected java.time.Clock (Asia/Ho_Chi_Minh)")
                .check(CLASSES);
    }
}
