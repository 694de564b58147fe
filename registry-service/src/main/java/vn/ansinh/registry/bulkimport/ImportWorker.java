package vn.ansinh.registry.bulkimport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.ProblemFactory;
import vn.ansinh.registry.adminunit.AdminUnitService;
import vn.ansinh.registry.dedup.DuplicateFinder;
import vn.ansinh.registry.household.Household;
import vn.ansinh.registry.household.HouseholdService;
import vn.ansinh.registry.household.RegisterHouseholdRequest;

/**
 * Carries out import jobs one slice at a time: each household is checked like a single registration
 * and the good ones are saved together, deduplicated like any registration. A household's id comes
 * from the job and its reference in the file, so a slice that is run again after a crash finds its
 * households already saved and does not save them twice. A job is leased, so a second instance (or
 * this one after a restart) takes over a job whose worker stopped renewing.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Locale REPORT_LANGUAGE = Locale.forLanguageTag("vi");

    private final MongoTemplate mongo;
    private final HouseholdService households;
    private final AdminUnitService units;
    private final OfficeScope scope;
    private final Validator validator;
    private final ProblemFactory problems;
    private final Clock clock;

    ImportWorker(MongoTemplate mongo, HouseholdService households, AdminUnitService units, OfficeScope scope,
                 Validator validator, ProblemFactory problems, Clock clock) {
        this.mongo = mongo;
        this.households = households;
        this.units = units;
        this.scope = scope;
        this.validator = validator;
        this.problems = problems;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ansinh.registry.import.poll-interval:500}")
    void work() {
        for (ImportJob job = claim(); job != null; job = claim()) {
            while (job.getState() != ImportJob.State.DONE) {
                job = runNextChunk(job);
            }
            log.info("Import job {} done: {} rows, {} accepted, {} rejected", job.getId(), job.getProcessed(),
                    job.getAccepted(), job.getRejected());
        }
    }

    /** A finished job's file is kept a day (to look into a surprising result), then dropped. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void dropOldFiles() {
        Query finished = Query.query(Criteria.where("state").is(ImportJob.State.DONE)
                .and("finishedAt").lt(clock.instant().minus(Duration.ofDays(1))));
        finished.fields().include("_id");
        List<String> jobIds = mongo.find(finished, ImportJob.class).stream().map(ImportJob::getId).toList();
        if (!jobIds.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("jobId").in(jobIds)), ImportChunk.class);
        }
    }

    private ImportJob claim() {
        return mongo.findAndModify(
                Query.query(Criteria.where("state").in(ImportJob.State.QUEUED, ImportJob.State.RUNNING)
                        .and("leaseUntil").lt(clock.instant())),
                new Update().set("state", ImportJob.State.RUNNING).set("leaseUntil", clock.instant().plus(LEASE)),
                FindAndModifyOptions.options().returnNew(true), ImportJob.class);
    }

    private ImportJob runNextChunk(ImportJob job) {
        ImportChunk chunk = mongo.findById(ImportChunk.idOf(job.getId(), job.getNextChunk()), ImportChunk.class);
        CallerOffice office = new CallerOffice(job.getCreatedBy(), job.getOfficeCode(), List.of());
        List<ImportJob.RowError> errors = new ArrayList<>();
        List<Household> ready = new ArrayList<>();
        int rows = 0;
        int acceptedRows = 0;
        Map<String, String> unitKeys = new HashMap<>();
        for (ImportChunk.Household entry : chunk.households()) {
            rows += entry.rows().size();
            String id = UUID.nameUUIDFromBytes((job.getId() + "/" + entry.reference()).getBytes(StandardCharsets.UTF_8)).toString();
            try {
                RegisterHouseholdRequest request = checked(entry.rows());
                String unit = unitKeys.computeIfAbsent(request.address().unitCode(),
                        code -> units.requireValidToday(code).getCode());
                if (!scope.covers(office, unit)) {
                    throw ApiException.outOfScope(unit);
                }
                HouseholdService.requireValidCitizenIds(request.members());
                ready.add(households.newHousehold(id, request, unit));
                acceptedRows += entry.rows().size();
            } catch (HouseholdRows.UnreadableValue unreadable) {
                errors.add(new ImportJob.RowError(unreadable.row, unreadable.getMessage()));
            } catch (RowsRefused refused) {
                errors.addAll(refused.errors);
            } catch (ApiException refused) {
                errors.add(new ImportJob.RowError(HouseholdRows.headRow(entry.rows()), reason(refused)));
            }
        }
        Set<String> alreadySaved = alreadySaved(ready);
        List<Household> toSave = ready.stream().filter(h -> !alreadySaved.contains(h.getId())).toList();
        int candidates = 0;
        if (!toSave.isEmpty()) {
            candidates = households.saveNew(toSave).values().stream().mapToInt(List<DuplicateFinder.Candidate>::size).sum();
        }
        job.chunkDone(rows, acceptedRows, ready.size(), candidates, errors, clock.instant());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(job.getId())), progressOf(job), ImportJob.class);
        return job;
    }

    private Update progressOf(ImportJob job) {
        return new Update().set("state", job.getState()).set("nextChunk", job.getNextChunk())
                .set("processed", job.getProcessed()).set("accepted", job.getAccepted()).set("rejected", job.getRejected())
                .set("households", job.getHouseholds()).set("duplicateCandidates", job.getDuplicateCandidates())
                .set("errors", job.getErrors()).set("finishedAt", job.getFinishedAt())
                .set("leaseUntil", clock.instant().plus(LEASE));
    }

    private Set<String> alreadySaved(List<Household> ready) {
        Set<String> ids = new HashSet<>();
        Query query = Query.query(Criteria.where("_id").in(ready.stream().map(Household::getId).toList()));
        query.fields().include("_id");
        mongo.find(query, org.bson.Document.class, "households").forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** The household's request, or every problem the field rules find, each on its row. */
    private RegisterHouseholdRequest checked(List<ImportChunk.Row> rows) {
        RegisterHouseholdRequest request = HouseholdRows.toRequest(rows);
        Set<ConstraintViolation<RegisterHouseholdRequest>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<ImportJob.RowError> errors = new ArrayList<>();
        for (ConstraintViolation<RegisterHouseholdRequest> violation : violations) {
            String path = violation.getPropertyPath().toString();
            int row = path.startsWith("members[")
                    ? HouseholdRows.rowOfMember(rows, Integer.parseInt(path.substring(8, path.indexOf(']'))))
                    : HouseholdRows.headRow(rows);
            errors.add(new ImportJob.RowError(row, path + ": " + violation.getMessage()));
        }
        errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
        throw new RowsRefused(errors);
    }

    private String reason(ApiException refused) {
        String detail = problems.create(refused.status(), refused.code(), REPORT_LANGUAGE, refused.arguments()).getDetail();
        StringBuilder reason = new StringBuilder(detail == null ? refused.code() : detail);
        refused.fieldErrors().forEach(error -> reason.append(' ').append(error.field()).append(": ")
                .append(problems.message(error.message(), REPORT_LANGUAGE)));
        return reason.toString().strip();
    }

    private static final class RowsRefused extends RuntimeException {
        final List<ImportJob.RowError> errors;

        RowsRefused(List<ImportJob.RowError> errors) {
            super("rows refused", null, false, false);
            this.errors = errors;
        }
    }
}
