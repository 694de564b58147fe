package vn.ansinh.platform.adminunit;

/**
 * How units are named in requests. A unit's key is its GSO code; when a later official list reuses a
 * code for a different unit (the 2025 reform did so thousands of times), the later unit's key is the
 * code followed by {@code @} and the date its list took effect, e.g. {@code 26737@2025-07-01}.
 */
public final class UnitKeys {

    /** A unit key as accepted in request bodies and parameters. */
    public static final String KEY = "^[0-9]{2,5}(@[0-9a-z-]{4,10})?$";
    /** A unit key or {@code VN}, the whole country, as accepted where national offices ask too. */
    public static final String KEY_OR_NATIONAL = "^([0-9]{2,5}(@[0-9a-z-]{4,10})?|VN)$";

    private UnitKeys() {
    }
}
