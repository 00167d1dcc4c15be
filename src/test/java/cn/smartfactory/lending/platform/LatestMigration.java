package cn.smartfactory.lending.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The highest Flyway version the platform ships (common and PostgreSQL migrations), read from the classpath. */
final class LatestMigration {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    static String version() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            return String.valueOf(Math.max(max(resolver, "classpath*:db/migration/*.sql"),
                    max(resolver, "classpath*:db/vendor/postgresql/*.sql")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int max(PathMatchingResourcePatternResolver resolver, String pattern) throws IOException {
        return Arrays.stream(resolver.getResources(pattern)).mapToInt(r -> number(r.getFilename())).max().orElse(0);
    }

    private static int number(String fileName) {
        Matcher m = VERSION.matcher(fileName);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private LatestMigration() {
    }
}
