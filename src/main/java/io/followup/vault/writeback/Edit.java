package io.followup.vault.writeback;

/** One field of a {@link LineChange}: leave it as the line has it, or set it (null value = remove it). */
public record Edit<T>(boolean change, T value) {

    private static final Edit<?> KEEP = new Edit<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Edit<T> keep() {
        return (Edit<T>) KEEP;
    }

    public static <T> Edit<T> to(T value) {
        return new Edit<>(true, value);
    }
}
