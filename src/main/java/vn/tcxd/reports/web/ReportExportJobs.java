package vn.tcxd.reports.web;

import vn.tcxd.shared.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.tcxd.reports.forms.ReportForm;
import vn.tcxd.reports.forms.ReportForms;
import vn.tcxd.reports.forms.ReportPeriod;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exports prepared in the background so the page can show progress (htmx polls the job): each job
 * belongs to the user who started it, keeps its file for 15 minutes, and is refused to anyone else
 * like a job that does not exist. Scope is checked when the job is started.
 */
@Component
class ReportExportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportExportJobs.class);
    private static final Duration KEPT = Duration.ofMinutes(15);
    private static final int MAX_JOBS = 200;

    enum Format { XLSX, PDF }

    static final class Job {
        final String id;
        final String owner;
        final long unitId;
        final String fileName;
        final Format format;
        final Instant started;
        volatile int done;
        volatile int total;
        volatile byte[] file;
        volatile String errorId;

        Job(String id, String owner, long unitId, String fileName, Format format, int total, Instant started) {
            this.id = id;
            this.owner = owner;
            this.unitId = unitId;
            this.fileName = fileName;
            this.format = format;
            this.total = total;
            this.started = started;
        }

        public boolean finished() {
            return file != null || errorId != null;
        }

        public String id() {
            return id;
        }

        public long unitId() {
            return unitId;
        }

        public String fileName() {
            return fileName;
        }

        public int done() {
            return done;
        }

        public int total() {
            return total;
        }

        public boolean ready() {
            return file != null;
        }

        public String errorId() {
            return errorId;
        }
    }

    private final ReportForms reports;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    private final BackgroundWork background;

    ReportExportJobs(ReportForms reports, Clock clock, BackgroundWork background) {
        this.background = background;
        this.reports = reports;
        this.clock = clock;
    }

    Job start(String owner, long unitId, List<ReportForm> forms, ReportPeriod period, Locale locale, Format format,
              String fileName) {
        forget();
        if (jobs.size() >= MAX_JOBS) throw new IllegalStateException("too many report exports at once");
        Job job = new Job(UUID.randomUUID().toString(), owner, unitId, fileName, format, forms.size(), clock.instant());
        jobs.put(job.id, job);
        background.start("report-export-" + job.id, () -> {
            try {
                ReportForms.Progress progress = (done, total) -> job.done = done;
                job.file = format == Format.XLSX ? reports.xlsx(forms, unitId, period, locale, progress)
                        : reports.pdf(forms, unitId, period, locale, progress);
            } catch (RuntimeException e) {
                String errorId = UUID.randomUUID().toString();
                log.error("Report export failed [{}]", errorId, e);
                job.errorId = errorId;
            }
        });
        return job;
    }

    /** The job of this owner and unit, if it is still kept. */
    Optional<Job> find(String owner, long unitId, String id) {
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(owner) || job.unitId != unitId) return Optional.empty();
        return Optional.of(job);
    }

    private void forget() {
        Instant cutoff = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> job.started.isBefore(cutoff));
    }
}
