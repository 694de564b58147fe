package vn.ansinh.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list, as the public contract promises: {@code content}, {@code totalElements},
 * {@code last}, with the {@code page} number (from 0) and {@code size} asked for.
 */
public record PageResponse<T>(List<T> content, long totalElements, int page, int size, boolean last) {

    public static final int MAX_SIZE = 2_000;

    public static <S, T> PageResponse<T> of(List<S> content, long totalElements, int page, int size, Function<S, T> view) {
        return new PageResponse<>(content.stream().map(view).toList(), totalElements, page, size,
                (long) (page + 1) * size >= totalElements);
    }
}
