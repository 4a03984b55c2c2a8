package vn.tcxd.reports.internal;

import vn.tcxd.shared.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.LocalDate;

/**
 * Keeps the engine current without anyone asking: on start (after the demo data, if any) the live
 * counters are brought to today and missing period ends are frozen in the background; every night
 * just after midnight (Vietnam time) the counters move to the new day and last month is frozen.
 */
@Configuration
@EnableScheduling
@Order(20)
class StatisticsJobs implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StatisticsJobs.class);

    private final StatisticsService statistics;
    private final LocalDate snapshotsFrom;
    private final boolean freezeOnStart;

    private final BackgroundWork background;

    StatisticsJobs(StatisticsService statistics,
                   @Value("${tcxd.reports.snapshots-from:2016-01-01}") LocalDate snapshotsFrom,
                   @Value("${tcxd.reports.freeze-on-start:true}") boolean freezeOnStart, BackgroundWork background) {
        this.background = background;
        this.statistics = statistics;
        this.snapshotsFrom = snapshotsFrom;
        this.freezeOnStart = freezeOnStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        statistics.rollForward();
        if (freezeOnStart) {
            background.start("freeze-period-ends", this::freeze);
        }
    }

    @Scheduled(cron = "0 1 0 * * *", zone = "Asia/Ho_Chi_Minh")
    void nightly() {
        statistics.rollForward();
        background.run(this::freeze);
    }

    private void freeze() {
        try {
            statistics.ensureJournal();
            long started = System.nanoTime();
            int frozen = statistics.freezePeriodEnds(snapshotsFrom);
            if (frozen > 0) {
                log.info("Froze {} period ends since {} in {} s", frozen, snapshotsFrom,
                        (System.nanoTime() - started) / 1_000_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("Freezing period ends stopped; figures of those dates are computed from history", e);
        }
    }
}
