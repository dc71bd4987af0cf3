package io.leadline.platform.wire;

/**
 * An error Close reports as {@code {"error": "message"}} with a non-validation status (401, 403, 404, 405, 409, 415).
 */
public class CloseException extends RuntimeException {

    private final int status;

    public CloseException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** What a missing object and another organization's object both answer, so ids leak nothing. */
    public static CloseException notFound() {
        return new CloseException(404, "Empty query: object matching query does not exist.");
    }

    public static CloseException unauthorized(String message) {
        return new CloseException(401, message);
    }

    public static CloseException forbidden(String message) {
        return new CloseException(403, message);
    }
}
