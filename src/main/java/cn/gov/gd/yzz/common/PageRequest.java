package cn.gov.gd.yzz.common;

/** A page of a list: {@code page} counts from 0; {@code size} is bounded by the feature's configured maximum. */
public record PageRequest(int page, int size) {

    public static PageRequest parse(String page, String size, int defaultSize, int maxSize) {
        return new PageRequest(QueryParams.intInRange("page", page, 0, 0, 1_000_000),
                QueryParams.intInRange("size", size, defaultSize, 1, maxSize));
    }

    public int offset() {
        return page * size;
    }
}
