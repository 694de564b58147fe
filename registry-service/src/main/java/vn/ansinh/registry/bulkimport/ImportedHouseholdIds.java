package vn.ansinh.registry.bulkimport;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A household imported from a file takes its id from the job and its reference in the file, so a
 * slice run again after a crash finds its households already saved — and whoever knows the file can
 * tell which household a line became.
 */
public final class ImportedHouseholdIds {

    private ImportedHouseholdIds() {
    }

    public static String idOf(String jobId, String reference) {
        return UUID.nameUUIDFromBytes((jobId + "/" + reference).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
