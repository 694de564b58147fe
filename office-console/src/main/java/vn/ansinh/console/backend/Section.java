package vn.ansinh.console.backend;

import java.util.function.Supplier;

/**
 * A part of a page that one service feeds: its content, or which service could not be reached (the
 * page says so in that part only, the rest of the page is shown).
 */
public record Section<T>(T content, Service unavailable) {

    public static <T> Section<T> load(Service service, Supplier<T> loader) {
        try {
            return new Section<>(loader.get(), null);
        } catch (ServiceUnavailableException down) {
            return new Section<>(null, down.service());
        }
    }

    public boolean available() {
        return unavailable == null;
    }
}
