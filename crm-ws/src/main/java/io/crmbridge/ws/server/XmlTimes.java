package io.crmbridge.ws.server;

import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Converts between xs:dateTime and Instant; a dateTime without a zone is taken as UTC. */
public final class XmlTimes {
    private static final DatatypeFactory FACTORY;

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private XmlTimes() {
    }

    public static Optional<Instant> toInstant(XMLGregorianCalendar value) {
        if (value == null) {
            return Optional.empty();
        }
        XMLGregorianCalendar copy = (XMLGregorianCalendar) value.clone();
        if (copy.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            copy.setTimezone(0);
        }
        return Optional.of(copy.toGregorianCalendar().toInstant());
    }

    public static XMLGregorianCalendar toXml(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return FACTORY.newXMLGregorianCalendar(calendar);
    }
}
