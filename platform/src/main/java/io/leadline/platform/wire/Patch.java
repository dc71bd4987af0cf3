package io.leadline.platform.wire;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One field of a partial update (Close's PUT): not sent (leave the stored value alone), sent as null (clear it) or
 * sent with a value. {@link #isPresent} tells "not sent" apart from the other two.
 */
public final class Patch<T> {

    private static final Patch<?> ABSENT = new Patch<>(false, null);

    private final boolean present;
    private final T value;

    private Patch(boolean present, T value) {
        this.present = present;
        this.value = value;
    }

    /** The field was not sent. */
    @SuppressWarnings("unchecked")
    public static <T> Patch<T> absent() {
        return (Patch<T>) ABSENT;
    }

    /** The field was sent with this value; null means "clear". */
    public static <T> Patch<T> of(T value) {
        return new Patch<>(true, value);
    }

    /** The field {@code name} of the body, already read (and type-checked) as {@code value}. */
    public static <T> Patch<T> read(RequestBody body, String name, T value) {
        return body.has(name) ? of(value) : absent();
    }

    public boolean isPresent() {
        return present;
    }

    /** The value sent; null when the field was sent as null or not sent at all (see {@link #isPresent}). */
    public T value() {
        return value;
    }

    /** The value sent (possibly null), or {@code whenAbsent} when the field was not sent. */
    public T orElse(T whenAbsent) {
        return present ? value : whenAbsent;
    }

    /** Hands the sent value (possibly null) to {@code action}; does nothing when the field was not sent. */
    public void ifPresent(Consumer<? super T> action) {
        if (present) {
            action.accept(value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Patch<?> patch && present == patch.present && Objects.equals(value, patch.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(present, value);
    }

    @Override
    public String toString() {
        return present ? "Patch[" + value + "]" : "Patch[absent]";
    }
}
