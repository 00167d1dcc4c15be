package cn.smartfactory.lending.marketing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The regions and business types of {@code reference/marketing-reference.json}. */
public record MarketingReference(List<Entry> regions, List<Entry> businessTypes) {

    public static final String RESOURCE = "reference/marketing-reference.json";

    /** A code with its Chinese and English names. */
    public record Entry(String code, String nameZh, String nameEn) {

        public String label() {
            return nameZh + " " + nameEn;
        }
    }

    public static MarketingReference fromClasspath() {
        try (InputStream in = MarketingReference.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, MarketingReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The region written as its code or its Chinese name. */
    public Optional<Entry> region(String written) {
        return find(regions, written);
    }

    public Optional<Entry> businessType(String written) {
        return find(businessTypes, written);
    }

    static Optional<Entry> find(List<Entry> entries, String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String w = written.trim();
        return entries.stream().filter(e -> e.code().equalsIgnoreCase(w) || e.nameZh().equals(w) || e.nameEn().equalsIgnoreCase(w))
                .findFirst();
    }
}
