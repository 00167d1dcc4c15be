package cn.smartfactory.lending.change;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two texts, line by line ("  " kept, "- " removed, "+ " added), with a few
 * lines of context around each change — what a reviewer reads before activating a change.
 */
public final class LineDiff {

    static final int CONTEXT = 2;
    /** Beyond this many lines on either side the diff is summarised instead of computed. */
    static final int MAX_LINES = 20_000;

    private LineDiff() {
    }

    public static List<String> diff(String before, String after) {
        String[] a = before == null || before.isEmpty() ? new String[0] : before.split("\r?\n", -1);
        String[] b = after.split("\r?\n", -1);
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            return List.of("(文件过长,只比较摘要 / too long to compare line by line: " + a.length + " → " + b.length + " lines)");
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> all = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                all.add("  " + a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                all.add("- " + a[i++]);
            } else {
                all.add("+ " + b[j++]);
            }
        }
        return withContext(all);
    }

    private static List<String> withContext(List<String> all) {
        boolean[] keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (!all.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        List<String> shown = new ArrayList<>();
        boolean skipping = false;
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                shown.add(all.get(k));
                skipping = false;
            } else if (!skipping) {
                shown.add("…");
                skipping = true;
            }
        }
        return shown;
    }
}
