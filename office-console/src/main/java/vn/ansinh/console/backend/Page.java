package vn.ansinh.console.backend;

import java.util.List;

/** One page of a list, as the services page them ({@code content}, {@code totalElements}, {@code last}). */
public record Page<T>(List<T> content, long totalElements, boolean last, int page, int size) {

    public Page {
        content = content == null ? List.of() : content;
    }

    public boolean first() {
        return page == 0;
    }

    public long from() {
        return content.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long to() {
        return (long) page * size + content.size();
    }
}
