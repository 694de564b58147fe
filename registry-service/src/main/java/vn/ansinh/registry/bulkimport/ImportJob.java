package vn.ansinh.registry.bulkimport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A household import running in the background, with its progress; counts are in rows (members). */
@Document("import_jobs")
class ImportJob {

    /** Per-row errors kept on the job; a file with more errors is better fixed and sent again. */
    static final int MAX_ERRORS_KEPT = 1_000;

    /** UPLOADING while the file is being read in; FAILED when a slice kept failing (the reason says which). */
    public enum State {
        UPLOADING, QUEUED, RUNNING, DONE, FAILED
    }

    /** Errors found while reading the file: all counted, the first {@link #MAX_ERRORS_KEPT} kept. */
    static final class CountedErrors extends ArrayList<RowError> {
        private int count;

        @Override
        public boolean add(RowError error) {
            count++;
            return size() < MAX_ERRORS_KEPT && super.add(error);
        }

        int count() {
            return count;
        }
    }

    public record RowError(int row, String reason) {
    }

    @Id
    private String id;
    private String officeCode;
    private String createdBy;
    private String fileName;
    private State state;
    private int chunks;
    private int nextChunk;
    private int totalRows;
    private int processed;
    private int accepted;
    private int rejected;
    private int households;
    private int duplicateCandidates;
    private List<RowError> errors = new ArrayList<>();
    private Instant createdAt;
    private Instant finishedAt;
    private Instant leaseUntil;
    /** Who holds the lease: only that worker writes progress. */
    private String leaseOwner;
    /** Failed attempts at the slice {@code nextChunk}; after a few the job is FAILED with {@code failureReason}. */
    private int chunkAttempts;
    private String failureReason;

    protected ImportJob() {
    }

    ImportJob(String id, String officeCode, String createdBy, String fileName, int chunks, int totalRows,
              List<RowError> fileErrors, Instant createdAt) {
        this.id = id;
        this.officeCode = officeCode;
        this.createdBy = createdBy;
        this.fileName = fileName;
        this.chunks = chunks;
        this.totalRows = totalRows;
        this.state = chunks == 0 ? State.DONE : State.QUEUED;
        this.createdAt = createdAt;
        this.finishedAt = chunks == 0 ? createdAt : null;
        this.leaseUntil = Instant.EPOCH;
        fileErrors.forEach(this::addError);
        this.processed = fileErrors.size();
        this.rejected = fileErrors.size();
    }

    /** A job whose file is being read in: not taken by any worker yet. */
    static ImportJob uploading(String id, String officeCode, String createdBy, String fileName, Instant createdAt) {
        ImportJob job = new ImportJob(id, officeCode, createdBy, fileName, 1, 0, List.of(), createdAt);
        job.state = State.UPLOADING;
        return job;
    }

    /** The file is stored in {@code chunks} slices: the job waits for a worker (or is done at once if there is nothing to do). */
    static ImportJob queued(ImportJob uploading, int chunks, int totalRows, CountedErrors fileErrors) {
        ImportJob job = new ImportJob(uploading.id, uploading.officeCode, uploading.createdBy, uploading.fileName, chunks, totalRows,
                fileErrors, uploading.createdAt);
        job.processed = fileErrors.count();
        job.rejected = fileErrors.count();
        return job;
    }

    /** Records what one chunk did and moves on to the next. */
    void chunkDone(int rows, int acceptedRows, int acceptedHouseholds, int candidates, List<RowError> rowErrors, Instant at) {
        processed += rows;
        accepted += acceptedRows;
        rejected += rows - acceptedRows;
        households += acceptedHouseholds;
        duplicateCandidates += candidates;
        rowErrors.forEach(this::addError);
        nextChunk++;
        chunkAttempts = 0;
        if (nextChunk >= chunks) {
            state = State.DONE;
            finishedAt = at;
        }
    }

    private void addError(RowError error) {
        if (errors.size() < MAX_ERRORS_KEPT) {
            errors.add(error);
        }
    }

    public String getId() {
        return id;
    }

    public String getOfficeCode() {
        return officeCode;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getFileName() {
        return fileName;
    }

    public State getState() {
        return state;
    }

    public int getChunks() {
        return chunks;
    }

    public int getNextChunk() {
        return nextChunk;
    }

    public int getTotalRows() {
        return totalRows;
    }

    public int getProcessed() {
        return processed;
    }

    public int getAccepted() {
        return accepted;
    }

    public int getRejected() {
        return rejected;
    }

    public int getHouseholds() {
        return households;
    }

    public int getDuplicateCandidates() {
        return duplicateCandidates;
    }

    public List<RowError> getErrors() {
        return List.copyOf(errors);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public int getChunkAttempts() {
        return chunkAttempts;
    }
}
