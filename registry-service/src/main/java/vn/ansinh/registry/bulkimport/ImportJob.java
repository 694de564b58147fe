package vn.ansinh.registry.bulkimport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A household import running in the background, with its progress; counts are in rows (members). */
@Document("import_jobs")
public class ImportJob {

    /** Per-row errors kept on the job; a file with more errors is better fixed and sent again. */
    static final int MAX_ERRORS_KEPT = 1_000;

    public enum State {
        QUEUED, RUNNING, DONE
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

    /** Records what one chunk did and moves on to the next. */
    void chunkDone(int rows, int acceptedRows, int acceptedHouseholds, int candidates, List<RowError> rowErrors, Instant at) {
        processed += rows;
        accepted += acceptedRows;
        rejected += rows - acceptedRows;
        households += acceptedHouseholds;
        duplicateCandidates += candidates;
        rowErrors.forEach(this::addError);
        nextChunk++;
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
}
