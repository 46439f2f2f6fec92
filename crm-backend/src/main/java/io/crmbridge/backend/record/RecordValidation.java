package io.crmbridge.backend.record;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks a record input against what the store keeps, and puts it in stored form; a problem is a sentence. */
final class RecordValidation {
    private static final Pattern GUID = Pattern.compile(
            "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})}?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>(),;:\"\\[\\]\\\\]+@[^@\\s<>(),;:\"\\[\\]\\\\]+");
    static final int MAX_EMAIL = 320;
    static final int MAX_NOTES = 100_000;
    static final int MAX_OWNER = 320;

    private RecordValidation() {
    }

    /** The stored form of {@code in}, or why it cannot be stored. */
    static Result check(RecordInput in) {
        List<String> problems = new ArrayList<>();
        Optional<UUID> id = in.id().filter(s -> !s.isBlank()).flatMap(s -> guid("id", s, problems));
        Optional<UUID> parent = in.parentId().filter(s -> !s.isBlank()).flatMap(s -> guid("parent id", s, problems));
        String name = in.name().strip();
        if (name.isEmpty() && in.type().isPerson()) {
            name = Stream.of(in.firstName(), in.middleName(), in.lastName()).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(" "));
        }
        if (name.isEmpty()) {
            problems.add(in.type().isPerson() ? "a " + word(in.type()) + " needs a name or a first or last name"
                    : "a " + word(in.type()) + " needs a name");
        }
        Set<String> emails = new LinkedHashSet<>();
        for (String raw : in.emails()) {
            String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (email.isEmpty()) {
                continue;
            }
            if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                problems.add("'" + raw.strip() + "' is not an email address");
            } else {
                emails.add(email);
            }
        }
        if (id.isPresent() && id.equals(parent)) {
            problems.add("a record cannot be its own parent");
        }
        length("name", name, 400, problems);
        length("first name", in.firstName(), 200, problems);
        length("middle name", in.middleName(), 200, problems);
        length("last name", in.lastName(), 200, problems);
        length("company", in.company(), 400, problems);
        length("title", in.title(), 200, problems);
        length("phone", in.phone(), 100, problems);
        length("fax", in.fax(), 100, problems);
        length("mobile", in.mobile(), 100, problems);
        length("street", in.street(), 400, problems);
        length("city", in.city(), 200, problems);
        length("state", in.state(), 200, problems);
        length("postal code", in.postalCode(), 40, problems);
        length("country", in.country(), 200, problems);
        length("notes", in.notes(), MAX_NOTES, problems);
        length("owner", in.owner(), MAX_OWNER, problems);
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), Optional.of(String.join("; ", problems)));
        }
        return new Result(Optional.of(new ValidRecord(in.type(), id, name, in.firstName().strip(), in.middleName().strip(),
                in.lastName().strip(), List.copyOf(emails), in.company().strip(), in.title().strip(), in.phone().strip(),
                in.fax().strip(), in.mobile().strip(), in.street().strip(), in.city().strip(), in.state().strip(),
                in.postalCode().strip(), in.country().strip(), in.notes(), parent, in.owner().strip())), Optional.empty());
    }

    /** The GUID in {@code text} (braces allowed), strictly in 8-4-4-4-12 form. */
    static Optional<UUID> parseGuid(String text) {
        Matcher m = GUID.matcher(text.strip());
        if (!m.matches() || (text.strip().startsWith("{") != text.strip().endsWith("}"))) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(m.group(1)));
    }

    private static Optional<UUID> guid(String what, String text, List<String> problems) {
        Optional<UUID> id = parseGuid(text);
        if (id.isEmpty()) {
            problems.add(what + " '" + text.strip() + "' is not a GUID");
        }
        return id;
    }

    private static void length(String what, String value, int max, List<String> problems) {
        if (value.strip().length() > max) {
            problems.add(what + " is longer than " + max + " characters");
        }
    }

    static String word(RecordType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** Either the valid record or the problem. */
    record Result(Optional<ValidRecord> record, Optional<String> problem) {
    }
}
