package org.exhunt.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a point in time as a responder writes it: {@code 2021-03-01}, {@code 2021-03-01T10:00}, with a zone or UTC. */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            if (value.length() == 10) return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException noZone) {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date or time (e.g. 2021-03-01,"
                    + " 2021-03-01T10:00:00Z); times without a zone are UTC");
        }
    }
}
