package vn.ansinh.registry.bulkimport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.csv.CsvRecords;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.FieldError;

/**
 * Accepts a household file: reads it once, keeps it in slices of whole households and queues a job
 * that {@link ImportWorker} carries out in the background. The upload answers as soon as the file is
 * safely stored.
 */
@Service
public class ImportJobService {

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

    public ImportJob start(String fileName, byte[] content) {
        List<List<String>> records = CsvRecords.parse(new String(content, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            throw invalidFile("the file is empty");
        }
        Map<Integer, ImportColumn> columns = columnsOf(records.get(0));
        List<ImportJob.RowError> fileErrors = new ArrayList<>();
        Map<String, List<ImportChunk.Row>> households = new LinkedHashMap<>();
        int rows = 0;
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows++;
            int rowNumber = i + 1;
            if (fields.size() > records.get(0).size()) {
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
            households.computeIfAbsent(reference.isEmpty() ? "row-" + rowNumber : reference, r -> new ArrayList<>())
                    .add(new ImportChunk.Row(rowNumber, values));
        }
        String jobId = UUID.randomUUID().toString();
        List<ImportChunk> chunks = chunksOf(jobId, households);
        CallerOffice caller = CallerOffice.current();
        mongo.insertAll(chunks);
        return mongo.insert(new ImportJob(jobId, caller.officeCode(), caller.clientId(), fileName, chunks.size(), rows,
                fileErrors, clock.instant()));
    }

    /** A job of the caller's area; others' jobs are reported absent. */
    public ImportJob get(String jobId) {
        ImportJob job = mongo.findById(jobId, ImportJob.class);
        if (job == null || !scope.covers(CallerOffice.current(), job.getOfficeCode())) {
            throw ApiException.notFound("import job", jobId);
        }
        return job;
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

    private static List<ImportChunk> chunksOf(String jobId, Map<String, List<ImportChunk.Row>> households) {
        List<ImportChunk> chunks = new ArrayList<>();
        List<ImportChunk.Household> slice = new ArrayList<>();
        for (Map.Entry<String, List<ImportChunk.Row>> household : households.entrySet()) {
            slice.add(new ImportChunk.Household(household.getKey(), household.getValue()));
            if (slice.size() == HOUSEHOLDS_PER_CHUNK) {
                chunks.add(new ImportChunk(ImportChunk.idOf(jobId, chunks.size()), jobId, chunks.size(), slice));
                slice = new ArrayList<>();
            }
        }
        if (!slice.isEmpty()) {
            chunks.add(new ImportChunk(ImportChunk.idOf(jobId, chunks.size()), jobId, chunks.size(), slice));
        }
        return chunks;
    }

    private static ApiException invalidFile(String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", List.of(new FieldError("file", reason)));
    }
}
