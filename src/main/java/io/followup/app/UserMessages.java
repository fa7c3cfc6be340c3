package io.followup.app;

/** Turns a fault into one line a person can act on: the single place exceptions become user text. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String describe(Throwable e) {
        if (e instanceof Config.Invalid) {
            return e.getMessage();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message;
    }
}
