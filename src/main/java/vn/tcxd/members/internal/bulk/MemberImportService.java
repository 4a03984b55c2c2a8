package vn.tcxd.members.internal.bulk;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import vn.tcxd.members.CodeItem;
import vn.tcxd.members.CodeList;
import vn.tcxd.members.Gender;
import vn.tcxd.members.MemberHistory;
import vn.tcxd.members.MemberHistoryProblem;
import vn.tcxd.members.MemberHistoryRejected;
import vn.tcxd.members.MemberHistoryResult;
import vn.tcxd.members.MemberHistoryWriter;
import vn.tcxd.members.MemberImport;
import vn.tcxd.members.MemberImportOutcome;
import vn.tcxd.members.MemberImportPhase;
import vn.tcxd.members.MemberImportRowError;
import vn.tcxd.members.MemberImportStatus;
import vn.tcxd.members.MemberRecord;
import vn.tcxd.members.Members;
import vn.tcxd.orgstructure.OrgScope;
import vn.tcxd.orgstructure.OrgStructure;
import vn.tcxd.shared.DecisionRef;
import vn.tcxd.shared.BackgroundWork;
import vn.tcxd.shared.RuleViolation;
import vn.tcxd.shared.VietnameseText;
import vn.tcxd.shared.scope.AccessScope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Import of members from the template: the file is read and every row checked (format here,
 * registry rules in {@link MemberHistoryWriter}) while the rows checked so far are written, in one
 * transaction that is committed only when no row has a problem. Problems come back per row and
 * column, in Vietnamese.
 */
@Service
class MemberImportService implements MemberImport {

    private static final Logger log = LoggerFactory.getLogger(MemberImportService.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE);
    private static final int KEPT_JOBS = 50;

    private final BulkMemberWriter writer;
    private final Members members;
    private final OrgStructure org;
    private final OrgScope orgScope;
    private final MessageSource messages;
    private final BackgroundWork background;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    MemberImportService(BulkMemberWriter writer, Members members, OrgStructure org, OrgScope orgScope,
                        MessageSource messages, BackgroundWork background) {
        this.background = background;
        this.writer = writer;
        this.members = members;
        this.org = org;
        this.orgScope = orgScope;
        this.messages = messages;
    }

    /** A running or finished job; progress fields are read by polling threads. */
    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final String username;
        final String fileName;
        volatile MemberImportPhase phase = MemberImportPhase.QUEUED;
        final AtomicInteger processed = new AtomicInteger();
        volatile int total;
        volatile MemberImportOutcome outcome;

        Job(String username, String fileName) {
            this.username = username;
            this.fileName = fileName;
        }

        void phase(MemberImportPhase next, int rows) {
            processed.set(0);
            total = rows;
            phase = next;
        }

        MemberImportStatus status() {
            return new MemberImportStatus(id, fileName, phase, processed.get(), total, outcome);
        }
    }

    // ---- facade -----------------------------------------------------------------------------------

    @Override
    public byte[] template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "TCXD", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(text("memberImport.template.sheet"));
            ImportColumn[] columns = ImportColumn.values();
            for (int c = 0; c < columns.length; c++) {
                sheet.value(0, c, header(columns[c]));
                sheet.style(0, c).bold().fillColor(columns[c].required ? "FFE699" : "DDEBF7").set();
                sheet.width(c, 18);
                String example = messages.getMessage("memberImport.template.example." + columns[c].key, null, "",
                        VIETNAMESE);
                if (!example.isEmpty()) {
                    sheet.value(1, c, example);
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Override
    public MemberImportOutcome run(String fileName, byte[] content, AccessScope scope) {
        return execute(new Job(scope.username(), fileName), content, scope);
    }

    @Override
    public MemberImportStatus start(String fileName, byte[] content, AccessScope scope) {
        Job job = new Job(scope.username(), fileName);
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEPT_JOBS) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        background.start("member-import-" + job.id, () -> {
            try {
                execute(job, content, scope);
            } catch (RuntimeException e) {
                String correlation = UUID.randomUUID().toString();
                log.error("Member import failed [{}]", correlation, e);
                job.outcome = new MemberImportOutcome(0, 0, "error.unexpected", List.of(correlation), List.of());
                job.phase = MemberImportPhase.DONE;
            }
        });
        return job.status();
    }

    @Override
    public Optional<MemberImportStatus> status(String jobId, String username) {
        return job(jobId, username).map(Job::status);
    }

    @Override
    public Optional<byte[]> errorReport(String jobId, String username) {
        return job(jobId, username).map(j -> j.outcome).filter(o -> !o.succeeded()).map(this::errorReport);
    }

    @Override
    public byte[] errorReport(MemberImportOutcome outcome) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "TCXD", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(text("memberImport.report.sheet"));
            sheet.value(0, 0, text("memberImport.report.row"));
            sheet.value(0, 1, text("memberImport.report.column"));
            sheet.value(0, 2, text("memberImport.report.message"));
            sheet.range(0, 0, 0, 2).style().bold().set();
            sheet.width(0, 8);
            sheet.width(1, 28);
            sheet.width(2, 90);
            int r = 1;
            if (outcome.fileError() != null) {
                sheet.value(r, 2, text(outcome.fileError(), outcome.fileErrorArgs().toArray()));
                r++;
            }
            for (MemberImportRowError error : outcome.errors()) {
                sheet.value(r, 0, error.row());
                sheet.value(r, 1, error.column());
                sheet.value(r, 2, error.message());
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private Optional<Job> job(String jobId, String username) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(jobId)).filter(j -> j.username.equals(username));
        }
    }

    // ---- the import -------------------------------------------------------------------------------

    /** One data row turned into a history, or its problems. */
    private record Parsed(int row, MemberHistory history, List<MemberImportRowError> errors) {
    }

    private MemberImportOutcome execute(Job job, byte[] content, AccessScope scope) {
        MemberImportOutcome outcome = importFile(job, content, scope);
        job.outcome = outcome;
        job.phase = MemberImportPhase.DONE;
        return outcome;
    }

    private MemberImportOutcome importFile(Job job, byte[] content, AccessScope scope) {
        if (content == null || content.length == 0) {
            return fileError(0, "error.memberImport.empty");
        }
        if (content.length > MAX_BYTES) {
            return fileError(0, "error.memberImport.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        job.phase(MemberImportPhase.READING, 0);
        if (ImportSheetReader.isXlsx(job.fileName, content)) {
            // bounded before the workbook reader inflates anything: no transaction, nothing written
            try {
                XlsxLimits.check(content);
            } catch (ImportRefused e) {
                log.info("Member import: workbook {} refused: {}", job.fileName, e.messageKey);
                return fileError(0, e.messageKey, e.args);
            } catch (IOException | RuntimeException e) {
                log.info("Member import: unreadable workbook {}: {}", job.fileName, e.toString());
                return fileError(0, "error.memberImport.unreadable");
            }
        }
        long started = System.nanoTime();
        // the file is read and its rows checked on another thread while this one writes the rows already
        // checked (the database works in parallel): one transaction, rolled back on any problem
        RowFeed feed = new RowFeed(job, content, new Lookup(scope));
        Thread reader = Thread.ofPlatform().name("member-import-reader").daemon().start(feed::run);
        try {
            MemberHistoryResult result = writer.write(feed, scope.username(), feed.lookup.auditUnit());
            job.processed.set(feed.rows);
            log.info("Member import of {} rows: read and checked in {} ms (while writing), written in {} ms in all",
                    feed.rows, (feed.finished - started) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
            return new MemberImportOutcome(feed.rows, result.memberIds().size(), null, null, List.of());
        } catch (FileRefused e) {
            return e.outcome;
        } catch (MemberHistoryRejected e) {
            List<MemberImportRowError> errors = new ArrayList<>(feed.errors);
            for (MemberHistoryProblem problem : e.problems()) {
                errors.add(rowError(problem.index(), problem));
            }
            errors.sort(Comparator.comparingInt(MemberImportRowError::row));
            return new MemberImportOutcome(feed.rows, 0, null, null, errors);
        } finally {
            feed.cancelled = true;
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A file-level problem: nothing is written, the outcome says why. */
    private static final class FileRefused extends RuntimeException {
        final transient MemberImportOutcome outcome;

        FileRefused(MemberImportOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * Reads the file and checks its rows (the reader thread), handing the good ones to the writer in chunks.
     * A bad row is kept for the report and makes the feed {@link #failed}: the writer writes nothing more but
     * still checks every history, so the report lists every problem of the file.
     */
    private final class RowFeed implements BulkMemberWriter.HistorySource, ImportSheetReader.Rows {

        private static final int CHUNK = 4_096;
        private static final Object END = new Object();

        final Job job;
        final byte[] content;
        final Lookup lookup;
        final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(8);
        final List<MemberImportRowError> errors = new ArrayList<>();
        final Map<String, Integer> citizenIds = new HashMap<>();
        final Map<String, Integer> cardNumbers = new HashMap<>();
        volatile boolean failed;
        volatile boolean cancelled;
        volatile int rows;
        volatile long finished;
        Map<ImportColumn, Integer> positions;
        List<String> missing;
        List<BulkMemberWriter.Numbered> pending = new ArrayList<>(CHUNK);

        RowFeed(Job job, byte[] content, Lookup lookup) {
            this.job = job;
            this.content = content;
            this.lookup = lookup;
        }

        void run() {
            Object last = END;
            try {
                ImportSheetReader.read(job.fileName, content, MAX_ROWS, this);
                if (positions == null && missing == null) {
                    // no header at all
                    header(List.of());
                }
                if (!missing.isEmpty()) {
                    last = new FileRefused(fileError(rows, "error.memberImport.columnsMissing", String.join(", ", missing)));
                } else if (rows == 0) {
                    last = new FileRefused(fileError(0, "error.memberImport.noRows"));
                } else if (!pending.isEmpty()) {
                    hand(pending);
                }
            } catch (ImportRefused e) {
                last = new FileRefused(fileError(0, e.messageKey, e.args));
            } catch (ImportSheetReader.TooManyRows e) {
                last = new FileRefused(fileError(0, "error.memberImport.tooManyRows",
                        String.format(Locale.ROOT, "%,d", MAX_ROWS).replace(',', '.')));
            } catch (IOException | RuntimeException e) {
                if (e instanceof Cancelled) {
                    return;
                }
                log.info("Member import: unreadable file {}: {}", job.fileName, e.toString());
                last = new FileRefused(fileError(0, "error.memberImport.unreadable"));
            } catch (Error e) {
                last = e;
                throw e;
            } finally {
                finished = System.nanoTime();
                if (!cancelled) {
                    offer(last);
                }
            }
        }

        @Override
        public void header(List<String> header) {
            positions = new EnumMap<>(ImportColumn.class);
            missing = new ArrayList<>();
            for (ImportColumn column : ImportColumn.values()) {
                String wanted = VietnameseText.fold(MemberImportService.this.header(column));
                for (int i = 0; i < header.size(); i++) {
                    if (VietnameseText.fold(Normalizer.normalize(header.get(i), Normalizer.Form.NFC)).equals(wanted)) {
                        positions.put(column, i);
                        break;
                    }
                }
                if (!positions.containsKey(column)) {
                    missing.add(MemberImportService.this.header(column));
                }
            }
            if (missing.isEmpty()) {
                job.phase(MemberImportPhase.CHECKING, 0);
            }
        }

        @Override
        public void row(ImportSheetReader.SheetRow row) {
            if (cancelled) {
                throw new Cancelled();
            }
            rows++;
            if (!missing.isEmpty()) {
                return; // only counted: the file is refused as a whole
            }
            Parsed p = parse(row, positions, lookup);
            duplicate(p, row, positions.get(ImportColumn.CITIZEN_ID), ImportColumn.CITIZEN_ID, citizenIds);
            duplicate(p, row, positions.get(ImportColumn.CARD_NUMBER), ImportColumn.CARD_NUMBER, cardNumbers);
            if (p.errors().isEmpty()) {
                pending.add(new BulkMemberWriter.Numbered(p.row(), p.history()));
                if (pending.size() == CHUNK) {
                    hand(pending);
                    pending = new ArrayList<>(CHUNK);
                }
            } else {
                errors.addAll(p.errors());
                failed = true;
            }
            job.processed.incrementAndGet();
        }

        private void hand(List<BulkMemberWriter.Numbered> chunk) {
            if (!offer(chunk)) {
                throw new Cancelled();
            }
        }

        /** Waits for room in the queue unless the writer has given up. */
        private boolean offer(Object item) {
            try {
                while (!cancelled) {
                    if (chunks.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<BulkMemberWriter.Numbered> next() {
            Object item;
            try {
                item = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Member import interrupted", e);
            }
            if (item == END) {
                job.phase(MemberImportPhase.WRITING, rows);
                return null;
            }
            if (item instanceof FileRefused refused) {
                throw refused;
            }
            if (item instanceof Error error) {
                throw error;
            }
            return (List<BulkMemberWriter.Numbered>) item;
        }

        @Override
        public boolean failed() {
            return failed;
        }
    }

    /** The writer gave up (the reader stops reading). */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private MemberImportOutcome fileError(int rows, String key, Object... args) {
        return new MemberImportOutcome(rows, 0, key, Arrays.asList(args), List.of());
    }

    private void duplicate(Parsed parsed, ImportSheetReader.SheetRow row, int position, ImportColumn column,
                           Map<String, Integer> seen) {
        String value = position < row.cells().length ? ImportSheetReader.text(row.cells()[position]) : null;
        if (value == null || value.isBlank() || row.cells()[position] == ImportSheetReader.FORMULA) {
            return;
        }
        Integer first = seen.putIfAbsent(value.strip(), row.number());
        if (first != null) {
            parsed.errors().add(new MemberImportRowError(row.number(), header(column),
                    text("error.memberImport.duplicate", value.strip(), first)));
        }
    }

    private MemberImportRowError rowError(int row, MemberHistoryProblem problem) {
        ImportColumn column = ImportColumn.ofField(problem.field(), problem.step());
        return new MemberImportRowError(row, header(column), text(problem.messageKey(), problem.args().toArray()));
    }

    /** Reads one row: formats, codes by code or name, the cell by its code and the user's write scope. */
    private Parsed parse(ImportSheetReader.SheetRow row, Map<ImportColumn, Integer> positions, Lookup lookup) {
        List<MemberImportRowError> errors = new ArrayList<>();
        Map<ImportColumn, Object> cells = new EnumMap<>(ImportColumn.class);
        for (ImportColumn column : ImportColumn.values()) {
            int position = positions.get(column);
            Object cell = position < row.cells().length ? row.cells()[position] : null;
            if (cell == ImportSheetReader.FORMULA) {
                errors.add(error(row, column, "error.memberImport.formula"));
                continue;
            }
            if (cell instanceof String text) {
                if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                    errors.add(error(row, column, "error.memberImport.notNfc"));
                    continue;
                }
                if (text.isBlank()) {
                    cell = null;
                }
            }
            if (cell == null && column.required) {
                errors.add(error(row, column, "error.memberImport.required"));
                continue;
            }
            cells.put(column, cell);
        }
        Gender gender = null;
        String genderText = string(cells, ImportColumn.GENDER);
        if (genderText != null) {
            String folded = genderText.equals("Nam") ? "nam" : genderText.equals("Nữ") ? "nu" : VietnameseText.fold(genderText);
            gender = folded.equals("nam") || folded.equals("male") ? Gender.MALE
                    : folded.equals("nu") || folded.equals("female") ? Gender.FEMALE : null;
            if (gender == null) {
                errors.add(error(row, ImportColumn.GENDER, "error.memberImport.gender", genderText));
            }
        }
        LocalDate birth = date(row, cells, ImportColumn.BIRTH_DATE, errors);
        LocalDate admitted = date(row, cells, ImportColumn.ADMISSION_DATE, errors);
        LocalDate ceremony = date(row, cells, ImportColumn.CEREMONY_DATE, errors);
        LocalDate recognised = date(row, cells, ImportColumn.RECOGNITION_DATE, errors);
        if (admitted != null && recognised != null && !recognised.isAfter(admitted)) {
            errors.add(error(row, ImportColumn.RECOGNITION_DATE, "error.memberImport.recognitionBeforeAdmission"));
        }
        if (recognised != null && ceremony == null && cells.get(ImportColumn.CEREMONY_DATE) == null) {
            errors.add(error(row, ImportColumn.CEREMONY_DATE, "error.memberImport.ceremonyRequired"));
        }
        Long cellId = null;
        String cellCode = string(cells, ImportColumn.CELL_CODE);
        if (cellCode != null) {
            cellId = lookup.cell(cellCode.strip());
            if (cellId == null) {
                errors.add(error(row, ImportColumn.CELL_CODE, "error.memberImport.unknownCell", cellCode.strip()));
            } else if (!lookup.writable(cellId)) {
                errors.add(error(row, ImportColumn.CELL_CODE, "error.memberImport.cellOutsideScope", cellCode.strip()));
            }
        }
        DecisionRef admission = null;
        DecisionRef ceremonyDecision = null;
        DecisionRef recognition = null;
        String number = string(cells, ImportColumn.DECISION_NUMBER);
        String body = string(cells, ImportColumn.DECISION_BODY);
        if (admitted != null && number != null && body != null) {
            try {
                admission = new DecisionRef(number, admitted, body);
                ceremonyDecision = ceremony == null ? null : new DecisionRef(number, ceremony, body);
                recognition = recognised == null ? null : new DecisionRef(number, recognised, body);
            } catch (RuleViolation e) {
                ImportColumn column = "decision.issuingBody".equals(e.field()) ? ImportColumn.DECISION_BODY
                        : ImportColumn.DECISION_NUMBER;
                errors.add(error(row, column, e.messageKey(), e.args()));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(row.number(), null, errors);
        }
        MemberRecord record = new MemberRecord(string(cells, ImportColumn.FULL_NAME), null, gender, birth,
                string(cells, ImportColumn.BIRTH_PLACE), string(cells, ImportColumn.HOMETOWN),
                lookup.code(CodeList.ETHNICITY, string(cells, ImportColumn.ETHNICITY)),
                lookup.code(CodeList.RELIGION, string(cells, ImportColumn.RELIGION)),
                string(cells, ImportColumn.CITIZEN_ID), string(cells, ImportColumn.CARD_NUMBER),
                string(cells, ImportColumn.HISTORY_NUMBER), string(cells, ImportColumn.RESIDENCE),
                string(cells, ImportColumn.PHONE), lookup.code(CodeList.OCCUPATION, string(cells, ImportColumn.OCCUPATION)),
                lookup.code(CodeList.EDUCATION, string(cells, ImportColumn.EDUCATION)),
                lookup.code(CodeList.PROFESSIONAL, string(cells, ImportColumn.PROFESSIONAL)), null,
                lookup.code(CodeList.THEORY, string(cells, ImportColumn.THEORY)), null);
        List<MemberHistory.Step> steps = new ArrayList<>(3);
        steps.add(new MemberHistory.Admit(cellId, admitted, admission));
        if (ceremonyDecision != null) {
            steps.add(new MemberHistory.HoldCeremony(ceremony, ceremonyDecision));
        }
        if (recognition != null) {
            steps.add(new MemberHistory.Recognise(recognition));
        }
        return new Parsed(row.number(), new MemberHistory(record, steps), errors);
    }

    private static String string(Map<ImportColumn, Object> cells, ImportColumn column) {
        String text = ImportSheetReader.text(cells.get(column));
        return text == null || text.isBlank() ? null : text.strip();
    }

    private LocalDate date(ImportSheetReader.SheetRow row, Map<ImportColumn, Object> cells, ImportColumn column,
                           List<MemberImportRowError> errors) {
        Object cell = cells.get(column);
        if (cell == null) {
            return null;
        }
        if (cell instanceof BigDecimal serial) {
            // Excel stores dates as days since 30/12/1899 (the 1900 date system)
            if (serial.signum() > 0 && serial.compareTo(BigDecimal.valueOf(2_958_465)) < 0) {
                return EXCEL_EPOCH.plusDays(serial.longValue());
            }
        } else {
            String text = cell.toString().strip();
            for (DateTimeFormatter format : DATE_FORMATS) {
                try {
                    return LocalDate.parse(text, format);
                } catch (DateTimeParseException e) {
                    // try the next form
                }
            }
        }
        errors.add(error(row, column, "error.memberImport.date", ImportSheetReader.text(cell)));
        cells.remove(column);
        return null;
    }

    private MemberImportRowError error(ImportSheetReader.SheetRow row, ImportColumn column, String key, Object... args) {
        return new MemberImportRowError(row.number(), header(column), text(key, args));
    }

    private String header(ImportColumn column) {
        return text(column.messageKey());
    }

    private String text(String key, Object... args) {
        Object[] resolved = args == null ? null : Arrays.stream(args)
                .map(a -> a instanceof MessageSourceResolvable r ? messages.getMessage(r, VIETNAMESE) : a).toArray();
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] {key}, resolved, key), VIETNAMESE);
    }

    /** Per-import caches: code lists by code and label, unit codes, the write scope per cell. */
    private final class Lookup {
        private final AccessScope scope;
        private final Map<CodeList, Map<String, String>> codes = new EnumMap<>(CodeList.class);
        // the same few values repeat on every row: fold each once
        private final Map<String, String> resolved = new HashMap<>();
        private final Map<String, Optional<Long>> cells = new HashMap<>();
        private final Map<Long, Boolean> writable = new HashMap<>();

        Lookup(AccessScope scope) {
            this.scope = scope;
        }

        /** The code for a code or a label (case and diacritics ignored); unknown values go on to be refused. */
        String code(CodeList list, String value) {
            if (value == null) {
                return null;
            }
            return resolved.computeIfAbsent(list.name() + '|' + value, k -> resolve(list, value));
        }

        private String resolve(CodeList list, String value) {
            Map<String, String> byName = codes.computeIfAbsent(list, l -> {
                Map<String, String> map = new HashMap<>();
                for (CodeItem item : members.codes(l)) {
                    map.put(VietnameseText.fold(item.label()), item.code());
                    map.put(VietnameseText.fold(item.code()), item.code());
                }
                return map;
            });
            return byName.getOrDefault(VietnameseText.fold(value), value);
        }

        Long cell(String code) {
            return cells.computeIfAbsent(code, org::idOfCode).orElse(null);
        }

        boolean writable(long unitId) {
            return writable.computeIfAbsent(unitId, id -> orgScope.canWrite(scope, id));
        }

        /** The unit the audit entry belongs to: the user's single write root, if any. */
        Long auditUnit() {
            return scope.writeRoots().size() == 1 ? scope.writeRoots().iterator().next() : null;
        }
    }
}
