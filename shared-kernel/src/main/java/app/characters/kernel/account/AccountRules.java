package app.characters.kernel.account;

import java.util.regex.Pattern;

/** What makes a username, an email and a password acceptable. */
public final class AccountRules {

    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
    public static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 128;
    public static final int MAX_EMAIL = 254;

    private AccountRules() {
    }

    public static boolean validUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public static boolean validEmail(String email) {
        return email != null && email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches()
                && !email.contains("..") && !email.startsWith(".") && !email.contains(".@");
    }

    /** 12..128 characters, counted as a reader counts them: an emoji is one, not the two chars Java keeps it in. */
    public static boolean validPassword(String password) {
        return password != null && characters(password) >= MIN_PASSWORD && characters(password) <= MAX_PASSWORD;
    }

    /** Whether a password given at login could be one: not empty and not longer than any valid one. */
    public static boolean plausiblePassword(String password) {
        return password != null && !password.isEmpty() && characters(password) <= MAX_PASSWORD;
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
