package cn.smartfactory.lending.marketing;

import java.util.Map;

/** The contact channels, as the forms name them. */
public final class Channels {

    private static final Map<String, String> LABELS = Map.of("PHONE", "电话 Phone", "VISIT", "上门拜访 Visit",
            "WECHAT", "微信 WeChat", "LOBBY", "网点厅堂 Branch lobby");

    private Channels() {
    }

    public static String label(String code) {
        return LABELS.getOrDefault(code, code);
    }

    public static boolean known(String code) {
        return LABELS.containsKey(code);
    }
}
