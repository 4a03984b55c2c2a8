package vn.tcxd.demo;

import vn.tcxd.orgstructure.AdministrativeArea;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.UnitType;
import vn.tcxd.shared.DecisionRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One planned reorganisation, naming units by code so a plan can be written before any id exists.
 */
sealed interface DemoStep {

    LocalDate on();

    DecisionRef decision();

    /** The facade act, with codes resolved through {@code ids}. */
    Reorganisation toReorganisation(Map<String, Long> ids);

    /** The code of the unit this step creates, if it creates one. */
    default String createdCode() {
        return null;
    }

    record Unit(String code, String name, String shortName, UnitType type, String parentCode, AdministrativeArea area) {

        Reorganisation.NewUnit resolve(Map<String, Long> ids) {
            return new Reorganisation.NewUnit(code, name, shortName, type,
                    parentCode == null ? null : id(ids, parentCode), area);
        }
    }

    record Establish(Unit unit, LocalDate on, DecisionRef decision) implements DemoStep {
        @Override
        public Reorganisation toReorganisation(Map<String, Long> ids) {
            return new Reorganisation.Establish(unit.resolve(ids), on, decision);
        }

        @Override
        public String createdCode() {
            return unit.code();
        }
    }

    record Rename(String code, String name, String shortName, LocalDate on, DecisionRef decision) implements DemoStep {
        @Override
        public Reorganisation toReorganisation(Map<String, Long> ids) {
            return new Reorganisation.Rename(id(ids, code), name, shortName, on, decision);
        }
    }

    record Move(String code, String newParentCode, LocalDate on, DecisionRef decision) implements DemoStep {
        @Override
        public Reorganisation toReorganisation(Map<String, Long> ids) {
            return new Reorganisation.Move(id(ids, code), id(ids, newParentCode), on, decision);
        }
    }

    record ChangeType(String code, UnitType type, LocalDate on, DecisionRef decision) implements DemoStep {
        @Override
        public Reorganisation toReorganisation(Map<String, Long> ids) {
            return new Reorganisation.ChangeType(id(ids, code), type, on, decision);
        }
    }

    record Consolidate(List<String> codes, Unit into, LocalDate on, DecisionRef decision) implements DemoStep {
        @Override
        public Reorganisation toReorganisation(Map<String, Long> ids) {
            return new Reorganisation.Consolidate(codes.stream().map(c -> id(ids, c)).toList(), into.resolve(ids), on,
                    decision);
        }

        @Override
        public String createdCode() {
            return into.code();
        }
    }

    record Merge(String code, String intoCode, LocalDate on, DecisionRef decision) implements DemoStep {
        @Override
        public Reorganisation toReorganisation(Map<String, Long> ids) {
            return new Reorganisation.Merge(id(ids, code), id(ids, intoCode), on, decision);
        }
    }

    record Dissolve(String code, LocalDate on, DecisionRef decision) implements DemoStep {
        @Override
        public Reorganisation toReorganisation(Map<String, Long> ids) {
            return new Reorganisation.Dissolve(id(ids, code), on, decision);
        }
    }

    private static long id(Map<String, Long> ids, String code) {
        Long id = ids.get(code);
        if (id == null) {
            throw new IllegalStateException("demo plan refers to " + code + " before creating it");
        }
        return id;
    }
}
