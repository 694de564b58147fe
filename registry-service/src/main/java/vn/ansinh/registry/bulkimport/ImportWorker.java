package vn.ansinh.registry.bulkimport;

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
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
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
    static final int MAX_SLICE_ATTEMPTS = 3;
    /** Which process holds a job, for an operator reading {@code import_jobs}: process id and host. */
    static final String INSTANCE = ProcessHandle.current().pid() + "@" + hostName();
    private static final Locale REPORT_LANGUAGE = Locale.forLanguageTag("vi");

    private final MongoTemplate mongo;
    private final HouseholdService households;
    private final AdminUnitService units;
    private final OfficeScope scope;
    private final Validator validator;
    private final ProblemFactory problems;
    private final Clock clock;
    private final ImportJobService jobs;
    private final Duration retryAfter;
    /** How long a job stays with the worker that took it without hearing from it; renewed with every slice. */
    private final Duration lease;

    ImportWorker(MongoTemplate mongo, HouseholdService households, AdminUnitService units, OfficeScope scope,
                 Validator validator, ProblemFactory problems, Clock clock, ImportJobService jobs,
                 @org.springframework.beans.factory.annotation.Value("${ansinh.registry.import.retry-after:PT10S}") Duration retryAfter,
                 @org.springframework.beans.factory.annotation.Value("${ansinh.registry.import.lease:PT2M}") Duration lease) {
        this.jobs = jobs;
        this.lease = lease;
        this.retryAfter = retryAfter;
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
            ImportJob current = job;
            // The job's log lines name who uploaded the file and for which office, like a request's.
            try (var ignored = vn.ansinh.platform.audit.LogContext.of(job.getOfficeCode(), job.getCreatedBy(), "import:" + job.getId())) {
                try {
                    while (current != null && current.getState() == ImportJob.State.RUNNING) {
                        current = runNextChunk(current);
                    }
                    if (current != null) {
                        log.info("Import job {} done: {} rows, {} accepted, {} rejected", current.getId(), current.getProcessed(),
                                current.getAccepted(), current.getRejected());
                    }
                } catch (RuntimeException failed) {
                    sliceFailed(job, failed);
                }
            }
        }
    }

    /**
     * A slice that failed (the database away, a bug a row triggers) is tried again a little later, by
     * whichever instance takes the job; after {@link #MAX_SLICE_ATTEMPTS} failures the job is FAILED with
     * the reason rather than retried for ever.
     */
    private void sliceFailed(ImportJob job, RuntimeException failed) {
        ImportJob latest = mongo.findById(job.getId(), ImportJob.class);
        if (latest == null || !job.getLeaseOwner().equals(latest.getLeaseOwner())) {
            return; // another worker holds it now
        }
        int attempts = latest.getChunkAttempts() + 1;
        Query mine = Query.query(Criteria.where("_id").is(job.getId()).and("leaseOwner").is(job.getLeaseOwner()));
        if (attempts >= MAX_SLICE_ATTEMPTS) {
            String reason = "Phần " + (latest.getNextChunk() + 1) + "/" + latest.getChunks() + " của tệp lỗi " + attempts + " lần: "
                    + failed.getClass().getSimpleName() + (failed.getMessage() == null ? "" : " " + failed.getMessage());
            mongo.updateFirst(mine, new Update().set("state", ImportJob.State.FAILED).set("failureReason", reason)
                    .set("chunkAttempts", attempts).set("finishedAt", clock.instant()).set("leaseOwner", null), ImportJob.class);
            log.error("Import job {} failed: {}", job.getId(), reason, failed);
        } else {
            mongo.updateFirst(mine, new Update().set("chunkAttempts", attempts).set("leaseOwner", null)
                    .set("leaseUntil", clock.instant().plus(retryAfter)), ImportJob.class);
            log.warn("Import job {}: slice {} failed (attempt {}), trying again in {}", job.getId(), latest.getNextChunk(), attempts,
                    retryAfter, failed);
        }
    }

    /** A finished job's file is kept a day (to look into a surprising result), then dropped; so is an upload a crash broke off. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void dropOldFiles() {
        Query finished = Query.query(Criteria.where("state").in(ImportJob.State.DONE, ImportJob.State.FAILED)
                .and("finishedAt").lt(clock.instant().minus(Duration.ofDays(1))));
        finished.fields().include("_id");
        List<String> jobIds = mongo.find(finished, ImportJob.class).stream().map(ImportJob::getId).toList();
        if (!jobIds.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("jobId").in(jobIds)), ImportChunk.class);
            mongo.remove(Query.query(Criteria.where("jobId").in(jobIds)), ImportJobService.REFERENCES);
        }
        Query brokenOff = Query.query(Criteria.where("state").is(ImportJob.State.UPLOADING)
                .and("createdAt").lt(clock.instant().minus(Duration.ofHours(1))));
        brokenOff.fields().include("_id");
        mongo.find(brokenOff, ImportJob.class).forEach(job -> jobs.forget(job.getId()));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException unnamed) {
            return "unknown-host";
        }
    }

    private ImportJob claim() {
        return mongo.findAndModify(
                Query.query(Criteria.where("state").in(ImportJob.State.QUEUED, ImportJob.State.RUNNING)
                        .and("leaseUntil").lt(clock.instant())),
                new Update().set("state", ImportJob.State.RUNNING).set("leaseUntil", clock.instant().plus(lease))
                        .set("leaseOwner", INSTANCE + "/" + UUID.randomUUID()),
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
            String id = ImportedHouseholdIds.idOf(job.getId(), entry.reference());
            try {
                RegisterHouseholdRequest request = checked(entry.rows());
                String unit = unitKeys.computeIfAbsent(request.address().unitCode(),
                        code -> units.requireValidToday(code).getCode());
                if (!scope.covers(office, unit)) {
                    throw Refusal.outOfScope(unit);
                }
                HouseholdService.requireValidCitizenIds(request.members());
                ready.add(households.newHousehold(id, request, unit));
                acceptedRows += entry.rows().size();
            } catch (HouseholdRows.UnreadableValue unreadable) {
                errors.add(new ImportJob.RowError(unreadable.row, unreadable.getMessage()));
            } catch (RowsRefused refused) {
                errors.addAll(refused.errors);
            } catch (vn.ansinh.platform.domain.Refusal refused) {
                String detail = problems.create(vn.ansinh.platform.web.ProblemDetailsAdvice.statusOf(refused.kind()), refused.code(),
                        REPORT_LANGUAGE, refused.arguments()).getDetail();
                StringBuilder reason = new StringBuilder(detail == null ? refused.code() : detail);
                refused.fields().forEach(field -> reason.append(' ').append(field.name()).append(": ")
                        .append(problems.messageOrDefault("field." + field.problem(), field.problem(), REPORT_LANGUAGE)));
                errors.add(new ImportJob.RowError(HouseholdRows.headRow(entry.rows()), reason.toString().strip()));
            }
        }
        Set<String> alreadySaved = alreadySaved(ready);
        List<Household> toSave = ready.stream().filter(h -> !alreadySaved.contains(h.getId())).toList();
        int candidates = 0;
        if (!toSave.isEmpty()) {
            // The audit trail names the person who uploaded the file, and the job.
            candidates = vn.ansinh.platform.audit.Actor.onBehalfOf(job.getCreatedBy(), job.getOfficeCode(), "import:" + job.getId(),
                    () -> households.saveNew(toSave)).values().stream().mapToInt(List<DuplicateFinder.Candidate>::size).sum();
        }
        job.chunkDone(rows, acceptedRows, ready.size(), candidates, errors, clock.instant());
        // Only the worker that holds the lease writes progress: one that lost it (paused past its lease) stops here.
        long mine = mongo.updateFirst(Query.query(Criteria.where("_id").is(job.getId()).and("leaseOwner").is(job.getLeaseOwner())),
                progressOf(job), ImportJob.class).getMatchedCount();
        if (mine == 0) {
            log.warn("Import job {}: lease lost to another worker; it goes on from the last recorded slice", job.getId());
            return null;
        }
        return job;
    }

    private Update progressOf(ImportJob job) {
        return new Update().set("state", job.getState()).set("nextChunk", job.getNextChunk())
                .set("processed", job.getProcessed()).set("accepted", job.getAccepted()).set("rejected", job.getRejected())
                .set("households", job.getHouseholds()).set("duplicateCandidates", job.getDuplicateCandidates())
                .set("errors", job.getErrors()).set("finishedAt", job.getFinishedAt())
                .set("leaseUntil", clock.instant().plus(lease));
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

    private static final class RowsRefused extends RuntimeException {
        final List<ImportJob.RowError> errors;

        RowsRefused(List<ImportJob.RowError> errors) {
            super("rows refused", null, false, false);
            this.errors = errors;
        }
    }
}
