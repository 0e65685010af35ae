package dev.sherd.metadata;

import java.util.regex.Pattern;

/*
 * JDBC URLs can carry credentials ("//user:pw@host", ";PASSWORD=x", "?password=x&..."). Anything we print that
 * contains a URL goes through here first.
 */
/** Masks credentials inside a JDBC URL for display. Stateless and thread-safe. */
final class JdbcUrlRedaction {
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@?;]*?:)[^/@]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|pwd|passwd)=)[^;&]*");

    private JdbcUrlRedaction() {
    }

    static String redact(String url) {
        if (url == null) {
            return null;
        }
        String s = USER_INFO.matcher(url).replaceAll("$1****@");
        return PASSWORD_PARAM.matcher(s).replaceAll("$1****");
    }
}
