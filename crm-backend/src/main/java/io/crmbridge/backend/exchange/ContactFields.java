package io.crmbridge.backend.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fields of a contact that the sync owns, in protocol-neutral words; each adapter maps them to its
 * own property names. Text is never null: "" means "not set". Values are cleaned on the way in
 * (trimmed, line breaks as {@code \n}, characters XML cannot carry dropped), so a contact read back
 * from Exchange compares equal to the one pushed when nobody changed it.
 */
public record ContactFields(String givenName, String middleName, String surname, String displayName,
                            String fileAs, List<String> emailAddresses, String company, String jobTitle,
                            String businessPhone, String businessFax, String mobilePhone, String street,
                            String city, String state, String postalCode, String country, String notes) {

    public ContactFields {
        givenName = clean(givenName);
        middleName = clean(middleName);
        surname = clean(surname);
        displayName = clean(displayName);
        fileAs = clean(fileAs);
        emailAddresses = emailAddresses == null ? List.of()
                : emailAddresses.stream().map(ContactFields::clean).filter(s -> !s.isEmpty()).toList();
        company = clean(company);
        jobTitle = clean(jobTitle);
        businessPhone = clean(businessPhone);
        businessFax = clean(businessFax);
        mobilePhone = clean(mobilePhone);
        street = clean(street);
        city = clean(city);
        state = clean(state);
        postalCode = clean(postalCode);
        country = clean(country);
        notes = clean(notes);
        if (notes.length() > MAX_NOTES) {
            notes = notes.substring(0, Character.isHighSurrogate(notes.charAt(MAX_NOTES - 1)) ? MAX_NOTES - 1 : MAX_NOTES);
        }
    }

    /** Notes longer than this are cut: a contact's notes field is not the place for documents. */
    public static final int MAX_NOTES = 100_000;

    public static Builder builder() {
        return new Builder();
    }

    /** The first email address, "" when there is none. */
    public String primaryEmail() {
        return emailAddresses.isEmpty() ? "" : emailAddresses.get(0);
    }

    /**
     * Trims, turns CR LF and lone CR into LF, and drops what XML 1.0 cannot carry (control characters,
     * unpaired surrogates) — a value Exchange would refuse, or store differently, would never compare equal.
     */
    static String clean(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String lines = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < lines.length() && Character.isLowSurrogate(lines.charAt(i + 1))) {
                out.append(c).append(lines.charAt(++i));
            } else if (c == '\n' || c == '\t' || c >= 0x20 && c < 0xd800 || c >= 0xe000 && c <= 0xfffd) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Builds fields one by one; the display name and file-as name are derived when not given. */
    public static final class Builder {
        private String givenName = "";
        private String middleName = "";
        private String surname = "";
        private String displayName = "";
        private String fileAs = "";
        private final List<String> emails = new ArrayList<>();
        private String company = "";
        private String jobTitle = "";
        private String businessPhone = "";
        private String businessFax = "";
        private String mobilePhone = "";
        private String street = "";
        private String city = "";
        private String state = "";
        private String postalCode = "";
        private String country = "";
        private String notes = "";

        private Builder() {
        }

        public Builder givenName(String value) { givenName = value; return this; }
        public Builder middleName(String value) { middleName = value; return this; }
        public Builder surname(String value) { surname = value; return this; }
        public Builder displayName(String value) { displayName = value; return this; }
        public Builder fileAs(String value) { fileAs = value; return this; }
        public Builder email(String value) { emails.add(value); return this; }
        public Builder emails(List<String> values) { emails.clear(); emails.addAll(values); return this; }
        public Builder company(String value) { company = value; return this; }
        public Builder jobTitle(String value) { jobTitle = value; return this; }
        public Builder businessPhone(String value) { businessPhone = value; return this; }
        public Builder businessFax(String value) { businessFax = value; return this; }
        public Builder mobilePhone(String value) { mobilePhone = value; return this; }
        public Builder street(String value) { street = value; return this; }
        public Builder city(String value) { city = value; return this; }
        public Builder state(String value) { state = value; return this; }
        public Builder postalCode(String value) { postalCode = value; return this; }
        public Builder country(String value) { country = value; return this; }
        public Builder notes(String value) { notes = value; return this; }

        /**
         * The display name defaults to first, middle and last name joined by single spaces; the
         * file-as name to "Last, First Middle" as Outlook files people, else the display name or company.
         */
        public ContactFields build() {
            String first = clean(givenName);
            String middle = clean(middleName);
            String last = clean(surname);
            String display = clean(displayName).isEmpty() ? joined(" ", first, middle, last) : displayName;
            String filed = clean(fileAs);
            if (filed.isEmpty()) {
                String given = joined(" ", first, middle);
                filed = !last.isEmpty() && !given.isEmpty() ? last + ", " + given
                        : Stream.of(last, given, clean(display), clean(company)).filter(s -> !s.isEmpty())
                                .findFirst().orElse("");
            }
            return new ContactFields(first, middle, last, display, filed, emails, company, jobTitle,
                    businessPhone, businessFax, mobilePhone, street, city, state, postalCode, country, notes);
        }

        private static String joined(String separator, String... parts) {
            return Stream.of(parts).map(ContactFields::clean).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(separator));
        }
    }
}
