package cn.gov.gd.yzz.common;

import java.util.List;

/** A page of results with the totals a client needs to page on. */
public record PageView<T>(List<T> items, int page, int size, long total, int totalPages) {

    /** A page read from the database, with the total counted there. */
    public static <T> PageView<T> counted(List<T> items, PageRequest request, long total) {
        return new PageView<>(items, request.page(), request.size(), total,
                (int) ((total + request.size() - 1) / request.size()));
    }

    public static <T> PageView<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min((long) request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        int pages = (int) ((all.size() + (long) request.size() - 1) / request.size());
        return new PageView<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size(), pages);
    }
}
