package cn.smartfactory.lending.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * A customer's key: an 18-character resident identity number (GB 11643, check character over the
 * first 17 digits) or an 18-character unified social credit code (GB 32100, check character over
 * the first 17 characters). Both are checked with their check character, so a mistyped digit is
 * caught at the list and never becomes a second customer.
 */
public record CustomerKey(String value, Type type) {

    public enum Type { RESIDENT, USCC }

    private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_CHECK = "10X98765432";
    /** GB 32100 characters: digits and upper-case letters without I, O, Z, S, V. */
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** The key of a written identity number, or empty when it is neither a valid resident ID nor a valid USCC. */
    public static Optional<CustomerKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            return Optional.empty();
        }
        if (isResident(value)) {
            return Optional.of(new CustomerKey(value, Type.RESIDENT));
        }
        if (isUscc(value)) {
            return Optional.of(new CustomerKey(value, Type.USCC));
        }
        return Optional.empty();
    }

    /**
     * The key of an applicant's ID number as the application form accepts it (18 characters, digits
     * and a final digit or X): valid ones as parsed, others kept as written so that an application is
     * never lost from the register over a check character the form does not test.
     */
    public static Optional<CustomerKey> ofApplicant(String text) {
        Optional<CustomerKey> parsed = parse(text);
        if (parsed.isPresent() || text == null) {
            return parsed;
        }
        String value = text.trim().toUpperCase(Locale.ROOT);
        return value.matches("\\d{17}[\\dX]") ? Optional.of(new CustomerKey(value, Type.RESIDENT)) : Optional.empty();
    }

    static boolean isResident(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * RESIDENT_WEIGHTS[i];
        }
        return value.charAt(17) == RESIDENT_CHECK.charAt(sum % 11);
    }

    static boolean isUscc(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int code = USCC_CHARS.indexOf(value.charAt(i));
            if (code < 0) {
                return false;
            }
            sum += code * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return value.charAt(17) == USCC_CHARS.charAt(check);
    }

    /** The check character that completes 17 digits to a valid resident ID (for test and demo data). */
    public static char residentCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
        }
        return RESIDENT_CHECK.charAt(sum % 11);
    }

    /** The check character that completes 17 characters to a valid unified social credit code. */
    public static char usccCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** The ID as shown to someone who may not see it whole: first 6 and last 4 characters. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }
}
