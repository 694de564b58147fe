package vn.ansinh.registry.bulkimport;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A slice of an uploaded file, whole households only, kept until the job is done so that the job
 * can resume after a crash from the first slice it had not finished.
 */
@Document("import_chunks")
record ImportChunk(@Id String id, String jobId, int index, List<Household> households) {

    /** One row of the file: its line number and its values by {@link ImportColumn} name. */
    public record Row(int number, Map<String, String> values) {
    }

    /** The rows of one household, under the reference the file gave it. */
    public record Household(String reference, List<Row> rows) {
    }

    static String idOf(String jobId, int index) {
        return jobId + ":" + index;
    }
}
