package vn.ansinh.registry.bulkimport;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.csv.CsvReader;
import vn.ansinh.platform.security.OfficeScope;

/**
 * Accepts a household file: reads it once, as a stream, keeps it in slices of whole households and
 * queues a job that {@link ImportWorker} carries out in the background. The upload answers as soon as
 * the file is safely stored.
 */
@Service
class ImportJobService {

    static final int HOUSEHOLDS_PER_CHUNK = 500;
    private static final List<ImportColumn> REQUIRED = List.of(ImportColumn.FULL_NAME, ImportColumn.DATE_OF_BIRTH,
            ImportColumn.GENDER, ImportColumn.UNIT_CODE);

    private final MongoTemplate mongo;
    private final OfficeScope scope;
    private final Clock clock;

    ImportJobService(MongoTemplate mongo, OfficeScope scope, Clock clock) {
        this.mongo = mongo;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * Reads the file as a stream into slices of whole households, each stored as soon as it is full, so
     * the heap holds one slice whatever the file's size; then queues the job. A household's rows must
     * stand together: rows of a household whose slice is already stored are refused on their lines (a
     * reference is claimed per job in {@code import_references}, in one batch per slice). A file that
     * cannot be read to the end (too large, broken off) leaves nothing behind.
     */
    public ImportJob start(String fileName, InputStream content) throws IOException {
        CallerOffice caller = CallerOffice.current();
        String jobId = UUID.randomUUID().toString();
        try (CsvReader csv = new CsvReader(content)) {
            List<String> header = csv.next();
            if (header == null || header.stream().allMatch(String::isBlank)) {
                throw invalidFile("the file is empty");
            }
            Map<Integer, ImportColumn> columns = columnsOf(header);
            mongo.insert(ImportJob.uploading(jobId, caller.officeCode(), caller.clientId(), fileName, clock.instant()));
            Slicer slicer = new Slicer(jobId);
            ImportJob.CountedErrors fileErrors = new ImportJob.CountedErrors();
            int rows = 0;
            for (List<String> record = csv.next(); record != null; record = csv.next()) {
                List<String> fields = record;
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows++;
                int rowNumber = csv.recordsRead();
                if (fields.size() > header.size()) {
                    fileErrors.add(new ImportJob.RowError(rowNumber, "Dòng có nhiều cột hơn tiêu đề (" + fields.size() + ")"));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                columns.forEach((index, column) -> {
                    if (index < fields.size()) {
                        values.put(column.name(), fields.get(index));
                    }
                });
                String reference = values.getOrDefault(ImportColumn.HOUSEHOLD.name(), "").strip();
                slicer.add(reference.isEmpty() ? "row-" + rowNumber : reference, new ImportChunk.Row(rowNumber, values), fileErrors);
            }
            slicer.flush(fileErrors);
            ImportJob queued = ImportJob.queued(mongo.findById(jobId, ImportJob.class), slicer.chunks, rows, fileErrors);
            mongo.save(queued);
            return queued;
        } catch (RuntimeException | IOException failed) {
            forget(jobId);
            throw failed;
        }
    }

    /** Everything an upload that did not finish stored. */
    void forget(String jobId) {
        mongo.remove(Query.query(Criteria.where("jobId").is(jobId)), ImportChunk.class);
        mongo.remove(Query.query(Criteria.where("jobId").is(jobId)), REFERENCES);
        mongo.remove(Query.query(Criteria.where("_id").is(jobId)), ImportJob.class);
    }

    static final String REFERENCES = "import_references";

    /** Collects households into a slice and stores it when full; one slice in memory. */
    private final class Slicer {
        private final String jobId;
        private final Map<String, List<ImportChunk.Row>> slice = new LinkedHashMap<>();
        private int chunks;

        Slicer(String jobId) {
            this.jobId = jobId;
        }

        void add(String reference, ImportChunk.Row row, List<ImportJob.RowError> fileErrors) {
            if (!slice.containsKey(reference) && slice.size() == HOUSEHOLDS_PER_CHUNK) {
                flush(fileErrors);
            }
            slice.computeIfAbsent(reference, r -> new ArrayList<>()).add(row);
        }

        void flush(List<ImportJob.RowError> fileErrors) {
            if (slice.isEmpty()) {
                return;
            }
            List<String> references = new ArrayList<>(slice.keySet());
            List<org.bson.Document> claims = references.stream()
                    .map(reference -> new org.bson.Document("_id", jobId + "/" + reference).append("jobId", jobId)).toList();
            java.util.Set<Integer> takenBefore = new java.util.HashSet<>();
            try {
                mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, REFERENCES)
                        .insert(claims).execute();
            } catch (org.springframework.data.mongodb.BulkOperationException some) {
                some.getErrors().forEach(error -> takenBefore.add(error.getIndex()));
            }
            List<ImportChunk.Household> households = new ArrayList<>();
            for (int i = 0; i < references.size(); i++) {
                String reference = references.get(i);
                List<ImportChunk.Row> rows = slice.get(reference);
                if (takenBefore.contains(i)) {
                    rows.forEach(row -> fileErrors.add(new ImportJob.RowError(row.number(),
                            "Các dòng của hộ " + reference + " phải liền nhau: hộ này đã có ở các dòng trước")));
                } else {
                    households.add(new ImportChunk.Household(reference, rows));
                }
            }
            if (!households.isEmpty()) {
                mongo.insert(new ImportChunk(ImportChunk.idOf(jobId, chunks), jobId, chunks, households));
                chunks++;
            }
            slice.clear();
        }
    }

    /** A job of the caller's area; others' jobs are reported absent. */
    public ImportJob get(String jobId) {
        ImportJob job = mongo.findById(jobId, ImportJob.class);
        if (job == null || !scope.covers(CallerOffice.current(), job.getOfficeCode())) {
            throw Refusal.notFound("import job", jobId);
        }
        return job;
    }

    /** Import jobs of offices of the caller's area (default its own office), newest first. */
    public org.springframework.data.domain.Page<ImportJob> list(String unitCode, int page, int size) {
        org.springframework.data.domain.PageRequest pageable = org.springframework.data.domain.PageRequest.of(page, size,
                org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "createdAt"));
        org.springframework.data.mongodb.core.query.Query query = org.springframework.data.mongodb.core.query.Query.query(
                scope.listArea("officeCode", unitCode));
        query.fields().exclude("errors"); // a list shows counts; a job's own page lists its errors
        long total = mongo.count(query, ImportJob.class);
        return new org.springframework.data.domain.PageImpl<>(mongo.find(query.with(pageable), ImportJob.class), pageable, total);
    }

    private static Map<Integer, ImportColumn> columnsOf(List<String> header) {
        Map<Integer, ImportColumn> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            ImportColumn.forHeader(header.get(i)).ifPresent(column -> columns.put(index, column));
        }
        List<String> missing = REQUIRED.stream().filter(column -> !columns.containsValue(column)).map(Enum::name).toList();
        if (!missing.isEmpty()) {
            throw invalidFile("missing columns " + missing + "; headers read: " + header);
        }
        return columns;
    }


    private static Refusal invalidFile(String reason) {
        return Refusal.invalid("file", reason);
    }
}
