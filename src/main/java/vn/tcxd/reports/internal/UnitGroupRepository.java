package vn.tcxd.reports.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.tcxd.jooq.reports.tables.UnitGroup;
import vn.tcxd.jooq.reports.tables.UnitGroupUnit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The saved groups of units and their units in order. */
@Repository
class UnitGroupRepository {

    private static final UnitGroup G = UnitGroup.UNIT_GROUP;
    private static final UnitGroupUnit U = UnitGroupUnit.UNIT_GROUP_UNIT;

    private final DSLContext db;

    UnitGroupRepository(DSLContext db) {
        this.db = db;
    }

    record GroupRow(long id, String name, String owner, Long sharedUnitId, List<Long> unitIds) {
    }

    private static Field<List<Long>> units() {
        return DSL.multiset(DSL.select(U.UNIT_ID).from(U).where(U.GROUP_ID.eq(G.ID)).orderBy(U.POSITION))
                .convertFrom(rows -> rows.map(Record1::value1));
    }

    Optional<GroupRow> find(long id) {
        return db.select(G.ID, G.NAME, G.OWNER, G.SHARED_UNIT_ID, units()).from(G).where(G.ID.eq(id))
                .fetchOptional(r -> new GroupRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The owner's groups and every shared group (the caller filters those by scope). */
    List<GroupRow> ownedOrShared(String owner) {
        return db.select(G.ID, G.NAME, G.OWNER, G.SHARED_UNIT_ID, units()).from(G)
                .where(G.OWNER.eq(owner).or(G.SHARED_UNIT_ID.isNotNull()))
                .fetch(r -> new GroupRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    boolean nameTaken(String owner, String nameKey, Long exceptId) {
        return db.fetchExists(db.selectOne().from(G).where(G.OWNER.eq(owner).and(G.NAME_KEY.eq(nameKey))
                .and(exceptId == null ? DSL.noCondition() : G.ID.ne(exceptId))));
    }

    long insert(String name, String nameKey, String owner, Long sharedUnitId, List<Long> unitIds, OffsetDateTime now) {
        long id = db.insertInto(G).set(G.NAME, name).set(G.NAME_KEY, nameKey).set(G.OWNER, owner)
                .set(G.SHARED_UNIT_ID, sharedUnitId).set(G.CREATED_AT, now).set(G.UPDATED_AT, now)
                .returning(G.ID).fetchOne(G.ID);
        insertUnits(id, unitIds);
        return id;
    }

    void update(long id, String name, String nameKey, Long sharedUnitId, List<Long> unitIds, OffsetDateTime now) {
        db.update(G).set(G.NAME, name).set(G.NAME_KEY, nameKey).set(G.SHARED_UNIT_ID, sharedUnitId)
                .set(G.UPDATED_AT, now).where(G.ID.eq(id)).execute();
        db.deleteFrom(U).where(U.GROUP_ID.eq(id)).execute();
        insertUnits(id, unitIds);
    }

    private void insertUnits(long id, List<Long> unitIds) {
        var insert = db.insertInto(U, U.GROUP_ID, U.POSITION, U.UNIT_ID);
        for (int i = 0; i < unitIds.size(); i++) insert = insert.values(id, i, unitIds.get(i));
        if (!unitIds.isEmpty()) insert.execute();
    }

    void delete(long id) {
        db.deleteFrom(G).where(G.ID.eq(id)).execute();
    }
}
