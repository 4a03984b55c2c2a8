package vn.tcxd;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules and their allowed dependencies (STYLE §1) hold; documentation of the module
 * structure is written to target/spring-modulith-docs.
 */
class ModularityTests {

    /** Generated jOOQ classes are owned per schema; {@link ArchitectureTests} guards who uses them. */
    static final ApplicationModules MODULES = ApplicationModules.of(TcxdApplication.class,
            DescribedPredicate.describe("generated jOOQ code", (JavaClass c) -> c.getPackageName().startsWith("vn.tcxd.jooq")));

    @Test
    void shouldKeepModuleBoundaries() {
        MODULES.verify();
    }

    @Test
    void shouldDocumentModules() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
