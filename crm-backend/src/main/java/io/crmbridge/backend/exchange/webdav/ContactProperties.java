package io.crmbridge.backend.exchange.webdav;

import io.crmbridge.backend.exchange.ContactFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps contact fields to the Exchange WebDAV contact properties and back. The map always names every
 * mapped property: "" for a field not set, which the PROPPATCH writer turns into a remove.
 */
final class ContactProperties {

    static final DavProperty GIVEN_NAME = DavProperty.contacts("givenName");
    static final DavProperty MIDDLE_NAME = DavProperty.contacts("middlename");
    static final DavProperty SURNAME = DavProperty.contacts("sn");
    static final DavProperty DISPLAY_NAME = DavProperty.contacts("cn");
    static final DavProperty FILE_AS = DavProperty.contacts("fileas");
    static final List<DavProperty> EMAILS = List.of(DavProperty.contacts("email1"),
            DavProperty.contacts("email2"), DavProperty.contacts("email3"));
    static final DavProperty COMPANY = DavProperty.contacts("o");
    static final DavProperty TITLE = DavProperty.contacts("title");
    static final DavProperty PHONE = DavProperty.contacts("telephoneNumber");
    static final DavProperty FAX = DavProperty.contacts("facsimiletelephonenumber");
    static final DavProperty MOBILE = DavProperty.contacts("mobile");
    static final DavProperty STREET = DavProperty.contacts("street");
    static final DavProperty CITY = DavProperty.contacts("l");
    static final DavProperty STATE = DavProperty.contacts("st");
    static final DavProperty POSTAL_CODE = DavProperty.contacts("postalcode");
    static final DavProperty COUNTRY = DavProperty.contacts("co");
    static final DavProperty NOTES = new DavProperty(DavProperty.HTTPMAIL, "textdescription");

    /** Every property the sync owns, in the order they are written. */
    static final List<DavProperty> ALL = List.of(GIVEN_NAME, MIDDLE_NAME, SURNAME, DISPLAY_NAME, FILE_AS,
            EMAILS.get(0), EMAILS.get(1), EMAILS.get(2), COMPANY, TITLE, PHONE, FAX, MOBILE, STREET, CITY,
            STATE, POSTAL_CODE, COUNTRY, NOTES);

    private ContactProperties() {
    }

    static Map<DavProperty, String> toProperties(ContactFields fields) {
        Map<DavProperty, String> properties = new LinkedHashMap<>();
        properties.put(GIVEN_NAME, fields.givenName());
        properties.put(MIDDLE_NAME, fields.middleName());
        properties.put(SURNAME, fields.surname());
        properties.put(DISPLAY_NAME, fields.displayName());
        properties.put(FILE_AS, fields.fileAs());
        for (int i = 0; i < EMAILS.size(); i++) {
            String address = i < fields.emailAddresses().size() ? fields.emailAddresses().get(i) : "";
            properties.put(EMAILS.get(i), EmailDisplayFormat.format(fields.displayName(), address));
        }
        properties.put(COMPANY, fields.company());
        properties.put(TITLE, fields.jobTitle());
        properties.put(PHONE, fields.businessPhone());
        properties.put(FAX, fields.businessFax());
        properties.put(MOBILE, fields.mobilePhone());
        properties.put(STREET, fields.street());
        properties.put(CITY, fields.city());
        properties.put(STATE, fields.state());
        properties.put(POSTAL_CODE, fields.postalCode());
        properties.put(COUNTRY, fields.country());
        properties.put(NOTES, fields.notes());
        return properties;
    }

    /** The fields as Exchange holds them; a property it does not return counts as not set. */
    static ContactFields fromProperties(Map<DavProperty, String> properties) {
        List<String> emails = EMAILS.stream()
                .map(p -> EmailDisplayFormat.address(properties.getOrDefault(p, "")))
                .filter(s -> !s.isEmpty())
                .toList();
        return new ContactFields(get(properties, GIVEN_NAME), get(properties, MIDDLE_NAME),
                get(properties, SURNAME), get(properties, DISPLAY_NAME), get(properties, FILE_AS), emails,
                get(properties, COMPANY), get(properties, TITLE), get(properties, PHONE), get(properties, FAX),
                get(properties, MOBILE), get(properties, STREET), get(properties, CITY), get(properties, STATE),
                get(properties, POSTAL_CODE), get(properties, COUNTRY), get(properties, NOTES));
    }

    private static String get(Map<DavProperty, String> properties, DavProperty property) {
        return properties.getOrDefault(property, "");
    }
}
