package app.characters.infra.web;

import app.characters.kernel.common.PageRequest;

/** Checks list parameters at the edge. */
final class Paging {

    private static final int MAX_FILTER = 64;
    private static final int MAX_OFFSET = 1_000_000_000;

    private Paging() {
    }

    static PageRequest of(int page, int size) {
        InvalidRequest.check()
                .require(page >= 0, "page", "must be 0 or more")
                .require(size >= 1 && size <= PageRequest.MAX_SIZE, "size", "must be 1.." + PageRequest.MAX_SIZE)
                .require((long) page * size <= MAX_OFFSET, "page", "must keep page * size at most " + MAX_OFFSET)
                .orThrow();
        return new PageRequest(page, size);
    }

    static String filter(String name) {
        if (name != null && (name.length() > MAX_FILTER || name.indexOf('\u0000') >= 0)) {
            throw InvalidRequest.of("name", "must be at most " + MAX_FILTER + " characters, without NUL");
        }
        return name;
    }
}
