package cn.smartfactory.lending.marketing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a name list: the header may use the key or the Chinese name, in any order. */
public enum ListColumn {
    NAME("name", "姓名", "Name", true, 100),
    PHONE("phone", "手机号", "Phone", true, 20),
    ID_NUMBER("idNumber", "证件号码", "ID number", true, 18),
    INDUSTRY("industry", "行业", "Industry", true, 40),
    REGION("region", "区域", "Region", true, 40),
    BUSINESS_TYPE("businessType", "经营类型", "Business type", false, 40),
    ADDRESS("address", "地址", "Address", false, 400),
    NOTE("note", "备注", "Note", false, 2000);

    private final String key;
    private final String nameZh;
    private final String nameEn;
    private final boolean inHeader;
    private final int maxLength;

    ListColumn(String key, String nameZh, String nameEn, boolean inHeader, int maxLength) {
        this.key = key;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.inHeader = inHeader;
        this.maxLength = maxLength;
    }

    public String key() {
        return key;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** Whether the header must name this column (its cells may still be empty, e.g. a phone when an address is given). */
    public boolean requiredInHeader() {
        return inHeader;
    }

    public int maxLength() {
        return maxLength;
    }

    public static List<ListColumn> required() {
        return List.of(values()).stream().filter(ListColumn::requiredInHeader).toList();
    }

    static Optional<ListColumn> ofHeader(String header) {
        String h = header == null ? "" : header.trim().replace("\uFEFF", "");
        for (ListColumn c : values()) {
            if (c.key.equalsIgnoreCase(h) || c.nameZh.equals(h) || c.nameEn.equalsIgnoreCase(h)
                    || c.key.toLowerCase(Locale.ROOT).equals(h.toLowerCase(Locale.ROOT).replace("_", ""))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
