package vn.tcxd.shared;

/**
 * Page numbers of every paged list. {@code page * size} of an unchecked {@code ?page=999999999} overflowed
 * into a negative OFFSET (a 500); no list is longer than {@link #MAX_PAGE} pages of any size we serve.
 */
public final class Paging {

    /** The last page (0-based) any list may be asked for. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    /** For pages and facades: a page out of range shows the nearest one that exists (or an empty one). */
    public static int clamp(int page) {
        return Math.clamp(page, 0, MAX_PAGE);
    }

    /** For the API: a page out of range is a 400 that names the parameter and its range. */
    public static int require(int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw BadRequest.onField("page", "error.page.outOfRange", Integer.toString(page),
                    VietnameseFormat.number(MAX_PAGE));
        }
        return page;
    }

    /** The row offset of a page, computed without int overflow. */
    public static long offset(int page, int size) {
        return (long) clamp(page) * size;
    }
}
