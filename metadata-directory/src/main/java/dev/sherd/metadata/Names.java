package dev.sherd.metadata;

import java.util.Locale;

/** Case folding for table and column names: lower case in the root locale, so "ORDERS" → "orders" in any locale. */
final class Names {
    private Names() {
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
