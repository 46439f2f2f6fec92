package io.crmbridge.backend.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A first and last name guessed from how a mail showed a person: "Ann Customer", "Customer, Ann", or, without
 * a display name, the address's local part ("ann.customer@...").
 */
record PersonName(String first, String last) {

    static PersonName guess(String displayName, String email) {
        String d = displayName.strip().replaceAll("^\"|\"$", "").strip();
        if (d.contains("@")) {
            d = "";
        }
        if (d.isEmpty()) {
            String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            d = Arrays.stream(local.split("[._\\-+]+")).filter(s -> !s.isEmpty()).map(PersonName::capitalize)
                    .collect(Collectors.joining(" "));
        }
        int comma = d.indexOf(',');
        if (comma > 0) {
            return new PersonName(d.substring(comma + 1).strip(), d.substring(0, comma).strip());
        }
        int space = d.lastIndexOf(' ');
        if (space > 0) {
            return new PersonName(d.substring(0, space).strip(), d.substring(space + 1).strip());
        }
        return new PersonName("", d);
    }

    private static String capitalize(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
