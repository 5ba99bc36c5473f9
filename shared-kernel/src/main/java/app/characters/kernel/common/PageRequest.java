package app.characters.kernel.common;

/** Which page of a list is asked for; the edge has already checked the bounds. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size 1.." + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
