package app.characters.infra.web;

import app.characters.kernel.common.PageRequest;

/** Checks list parameters at the edge. */
final class Paging {

    private static final int MAX_FILTER = 64;

    private Paging() {
    }

    static PageRequest of(int page, int size) {
        InvalidRequest.check()
                .require(page >= 0, "page", "must be 0 or more")
                .require(size >= 1 && size <= PageRequest.MAX_SIZE, "size", "must be 1.." + PageRequest.MAX_SIZE)
                .orThrow();
        return new PageRequest(page, size);
    }

    static String filter(String name) {
        if (name != null && name.length() > MAX_FILTER) {
            throw InvalidRequest.of("name", "must be at most " + MAX_FILTER + " characters");
        }
        return name;
    }
}
