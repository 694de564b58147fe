package vn.ansinh.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * Creating something once per Idempotency-Key, also when the instance that created it died before
 * the key's answer was recorded (the key's record is then dropped as abandoned and the retry runs
 * again): the new thing's id comes from the caller's request key ({@link IdempotencyKeyFilter#requestKeyOf}),
 * so the retry finds what the first attempt stored.
 */
public final class KeyedCreation {

    private KeyedCreation() {
    }

    /** The id of a new {@code kind}: derived from the request key when there is one, random otherwise. */
    public static String idFor(String kind, String requestKey) {
        return requestKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((kind + ":" + requestKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * @param stored what a first attempt stored under the id, or null
     * @param insert stores it now
     * @return the stored thing: the first attempt's, this one's, or a concurrent attempt's
     */
    public static <T> T createOnce(Supplier<T> stored, Supplier<T> insert) {
        T first = stored.get();
        if (first != null) {
            return first;
        }
        try {
            return insert.get();
        } catch (DuplicateKeyException storedMeanwhile) {
            T other = stored.get();
            if (other == null) {
                throw storedMeanwhile;
            }
            return other;
        }
    }
}
