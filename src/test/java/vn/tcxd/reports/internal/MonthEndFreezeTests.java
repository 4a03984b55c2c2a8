package vn.tcxd.reports.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.tcxd.IntegrationTest;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.orgstructure.Reorganisation;
import vn.tcxd.orgstructure.TreeFixture;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month end is frozen from the previous one plus the month's changes unless an upper unit's cells changed
 * that month: a move under the same upper unit (the 2025 reform moved grassroots committees from their
 * district to a commune of the same province) keeps it incremental, a move under another one does not.
 * Each case on a day of its own in the future, which no other test reorganises.
 */
@IntegrationTest
class MonthEndFreezeTests {

    @Autowired
    OrgStructure org;
    @Autowired
    RollQueries roll;
    @Autowired
    Clock clock;

    @Test
    void shouldKeepTheMonthIncrementalWhenACommitteeMovesBetweenDistrictsOfTheSameProvince() {
        TreeFixture tree = TreeFixture.standard(org); // P (depth 0) > D1, D2 (1) > X1, X2 (2)
        LocalDate day = LocalDate.now(clock).plusDays(731);
        org.apply(new Reorganisation.Move(tree.id("X1"), tree.id("D2"), day, TreeFixture.decision(day)));

        assertThat(roll.holdersChangedBetween(day.minusDays(1), day, 0)).as("counted by province").isFalse();
        assertThat(roll.holdersChangedBetween(day.minusDays(1), day, 1)).as("counted by district").isTrue();
        assertThat(roll.holdersChangedBetween(day, day.plusDays(1), 1)).as("the day after").isFalse();
    }

    @Test
    void shouldCountTheMonthInFullWhenADistrictMovesToAnotherProvince() {
        TreeFixture tree = TreeFixture.standard(org);
        LocalDate day = LocalDate.now(clock).plusDays(733);
        org.apply(new Reorganisation.Move(tree.id("D1"), tree.id("Q"), day, TreeFixture.decision(day)));

        assertThat(roll.holdersChangedBetween(day.minusDays(1), day, 0)).isTrue();
    }

    @Test
    void shouldCountTheMonthInFullWhenAnUpperUnitItselfChanges() {
        TreeFixture tree = TreeFixture.standard(org);
        LocalDate day = LocalDate.now(clock).plusDays(735);
        org.apply(new Reorganisation.Move(tree.id("D2"), tree.id("Q"), day, TreeFixture.decision(day)));

        assertThat(roll.holdersChangedBetween(day.minusDays(1), day, 1)).as("D2 is counted at depth 1").isTrue();
    }
}
