package cn.smartfactory.lending.offline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.investigation.Violation;

/**
 * The investigation checklist as an Excel workbook (离线调查清单), for investigators working where Tasklist cannot be
 * reached — the seeds' method, an Excel checklist filled on site. Written from the task's own deployed form, so it asks
 * exactly what the form asks, with the same bilingual labels, choices and ranges as Excel input validation; read back
 * into the values the form would submit, naming each cell it cannot read.
 *
 * <p>Sheet {@value #SHEET}: a heading with the application, then one row per field — section, item, the value (column C,
 * the only unlocked column), the rule, and the field's key (column E, hidden). Sections the loan does not need (no
 * collateral for a credit loan, no guarantor without one) are left out, as the form hides them; a section that depends
 * on another answer stays, and the upload checks it as the form does. The choices are on a hidden sheet.
 */
public final class ChecklistWorkbook {

    public static final String SHEET = "调查清单 Checklist";
    static final String OPTIONS_SHEET = "选项 Options";
    static final int VALUE_COLUMN = 2;
    static final int KEY_COLUMN = 4;
    static final String YES = "是 Yes";
    /** The workbook's custom property naming the application it was downloaded for. */
    static final String APPLICATION_PROPERTY = "applicationId";
    /** More rows than any checklist has: a sheet beyond it is not a checklist. */
    static final int MAX_ROWS = 2000;
    static final String NO = "否 No";
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private static final Pattern MONTH = Pattern.compile("^\\^?\\\\d\\{4\\}-.*");

    /** One input field of the form, as the workbook asks it. */
    record Field(String key, String label, String section, String type, boolean required, BigDecimal min, BigDecimal max,
                 Map<String, String> options, String pattern, boolean conditional, String defaultValue) {

        boolean month() {
            return pattern != null && MONTH.matcher(pattern).matches();
        }
    }

    /** What an upload held: the values as the form would submit them, where each came from, and what was unreadable. */
    public record Upload(Map<String, Object> values, Map<String, String> cells, List<Violation> unreadable,
                         String applicationId) {
    }

    private ChecklistWorkbook() {
    }

    /**
     * The form's input fields in form order, without those whose section is hidden by the process variables alone.
     *
     * @param hidden whether a hide condition that reads no form field holds for this loan
     */
    static List<Field> fields(JsonNode form, java.util.function.Predicate<String> hidden) {
        List<String> keys = new ArrayList<>();
        collectKeys(form.path("components"), keys);
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), "", false, false, keys, hidden, fields);
        return fields;
    }

    private static void collectKeys(JsonNode components, List<String> keys) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                keys.add(c.get("key").asText());
            }
            collectKeys(c.path("components"), keys);
        }
    }

    private static void collect(JsonNode components, String section, boolean skipped, boolean conditional, List<String> keys,
                                java.util.function.Predicate<String> hidden, List<Field> fields) {
        for (JsonNode c : components) {
            String hide = c.path("conditional").path("hide").asText(null);
            boolean dependsOnAnswers = hide != null && keys.stream().anyMatch(k -> Pattern.compile("\\b" + Pattern.quote(k)
                    + "\\b").matcher(hide).find());
            boolean skip = skipped || hide != null && !dependsOnAnswers && hidden.test(hide);
            boolean cond = conditional || dependsOnAnswers;
            if (c.has("components")) {
                collect(c.path("components"), c.path("label").asText(section), skip, cond, keys, hidden, fields);
            }
            String key = c.path("key").asText(null);
            String type = c.path("type").asText();
            if (key == null || key.isBlank() || skip || type.equals("text")) {
                continue;
            }
            JsonNode v = c.path("validate");
            Map<String, String> options = new LinkedHashMap<>();
            c.path("values").forEach(o -> options.put(o.path("value").asText(), o.path("label").asText()));
            fields.add(new Field(key, c.path("label").asText(key), section, type, v.path("required").asBoolean(false),
                    v.hasNonNull("min") ? v.get("min").decimalValue() : null,
                    v.hasNonNull("max") ? v.get("max").decimalValue() : null, options,
                    v.hasNonNull("pattern") ? v.get("pattern").asText() : null, cond,
                    c.hasNonNull("defaultValue") ? c.get("defaultValue").asText() : null));
        }
    }

    /**
     * The workbook of a form, with the application's facts on top and the values the loan already holds (an earlier
     * submission sent back, say) filled in.
     *
     * @param heading lines for the top of the sheet (application, customer, loan)
     */
    public static byte[] write(JsonNode form, java.util.function.Predicate<String> hidden, List<String> heading,
                               Map<String, Object> current) {
        return write(form, hidden, heading, current, null);
    }

    /** The workbook of one application: its id is kept in the workbook, so an upload to another application is refused. */
    public static byte[] write(JsonNode form, java.util.function.Predicate<String> hidden, List<String> heading,
                               Map<String, Object> current, String applicationId) {
        List<Field> fields = fields(form, hidden);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles s = new Styles(wb);
            Sheet sheet = wb.createSheet(SHEET);
            Sheet options = wb.createSheet(OPTIONS_SHEET);
            wb.setSheetHidden(wb.getSheetIndex(options), true);
            int r = 0;
            cell(sheet.createRow(r++), 0, s.title).setCellValue(form.path("components").path(0).path("text").asText("")
                    .lines().findFirst().orElse("").replace("#", "").trim() + " · 离线填写 Offline");
            for (String line : heading) {
                cell(sheet.createRow(r++), 0, s.text).setCellValue(line);
            }
            cell(sheet.createRow(r++), 0, s.note).setCellValue("只填写 C 列;上传后按与任务中心相同的规则校验,错误会指出工作表和单元格。"
                    + " Fill in column C only; the upload is checked by the same rules as Tasklist, and a refusal names the "
                    + "sheet and cell.");
            r++;
            Row header = sheet.createRow(r++);
            String[] titles = {"分组 Section", "项目 Item", "填写 Value", "规则 Rule", "字段 Field"};
            for (int i = 0; i < titles.length; i++) {
                cell(header, i, s.header).setCellValue(titles[i]);
            }
            DataValidationHelper dv = sheet.getDataValidationHelper();
            int optionColumn = 0;
            for (Field f : fields) {
                Row row = sheet.createRow(r);
                cell(row, 0, s.text).setCellValue(f.section());
                cell(row, 1, s.text).setCellValue(f.label());
                Cell value = cell(row, VALUE_COLUMN, f.type().equals("number") ? s.input : s.inputText);
                cell(row, 3, s.text).setCellValue(rule(f));
                cell(row, KEY_COLUMN, s.text).setCellValue(f.key());
                // The form's own default (an unticked box) where the loan holds nothing yet, as the form shows it; not in a
                // section that depends on other answers, where the form submits nothing while it is hidden.
                Object held = current.get(f.key());
                prefill(value, f, held != null || f.conditional() ? held : f.defaultValue());
                DataValidationConstraint constraint = switch (f.type()) {
                    case "number" -> dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                            (f.min() == null ? LIMIT.negate() : f.min()).toPlainString(),
                            (f.max() == null ? LIMIT : f.max()).toPlainString());
                    case "select", "radio" -> {
                        int i = 0;
                        for (String label : f.options().values()) {
                            Row o = options.getRow(i) == null ? options.createRow(i) : options.getRow(i);
                            o.createCell(optionColumn).setCellValue(label);
                            i++;
                        }
                        String column = CellReference.convertNumToColString(optionColumn++);
                        yield dv.createFormulaListConstraint("'" + OPTIONS_SHEET + "'!$" + column + "$1:$" + column + "$"
                                + Math.max(1, i));
                    }
                    case "checkbox" -> dv.createExplicitListConstraint(new String[] {YES, NO});
                    default -> f.month() ? dv.createTextLengthConstraint(DataValidationConstraint.OperatorType.EQUAL, "7", null)
                            : null;
                };
                if (constraint != null) {
                    DataValidation validation = dv.createValidation(constraint, new CellRangeAddressList(r, r, VALUE_COLUMN,
                            VALUE_COLUMN));
                    validation.setShowErrorBox(true);
                    validation.createErrorBox("不符合规则 Not allowed", rule(f));
                    validation.setShowPromptBox(true);
                    validation.createPromptBox(shortLabel(f.label()), rule(f));
                    sheet.addValidationData(validation);
                }
                r++;
            }
            sheet.setColumnWidth(0, 22 * 256);
            sheet.setColumnWidth(1, 44 * 256);
            sheet.setColumnWidth(2, 26 * 256);
            sheet.setColumnWidth(3, 48 * 256);
            sheet.setColumnWidth(KEY_COLUMN, 24 * 256);
            sheet.setColumnHidden(KEY_COLUMN, true);
            sheet.createFreezePane(0, header.getRowNum() + 1);
            sheet.protectSheet("");
            wb.getProperties().getCoreProperties().setTitle(SHEET);
            if (applicationId != null) {
                wb.getProperties().getCustomProperties().addProperty(APPLICATION_PROPERTY, applicationId);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The checklist workbook could not be written", e);
        }
    }

    /**
     * Reads a filled workbook of the same form: each row's value by its field key, as the form would submit it
     * (numbers as numbers, choices by their value, ticks as true or false, text as text); empty cells are left out.
     */
    public static Upload read(JsonNode form, byte[] workbook) {
        Map<String, Field> byKey = new LinkedHashMap<>();
        fields(form, hide -> false).forEach(f -> byKey.put(f.key(), f));
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> cells = new LinkedHashMap<>();
        List<Violation> unreadable = new ArrayList<>();
        String applicationId = null;
        // A small file may unzip to a huge one: at most 20 MB a part, and no part packed more than 100 to 1.
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(20L * 1024 * 1024);
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.01);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheet(SHEET);
            if (sheet == null) {
                unreadable.add(new Violation("workbook", "NO_SHEET", "has no sheet '" + SHEET + "'; upload the workbook "
                        + "downloaded from the task", "没有工作表“" + SHEET + "”,请上传从任务下载的清单", "工作簿 Workbook"));
                return new Upload(values, cells, unreadable, null);
            }
            var property = ((XSSFWorkbook) wb).getProperties().getCustomProperties().getProperty(APPLICATION_PROPERTY);
            applicationId = property == null ? null : property.getLpwstr();
            if (sheet.getLastRowNum() > MAX_ROWS) {
                unreadable.add(new Violation("workbook", "TOO_MANY_ROWS", "has more than " + MAX_ROWS + " rows; upload the "
                        + "checklist downloaded from the task", "超过 " + MAX_ROWS + " 行,请上传从任务下载的清单", "工作簿 Workbook"));
                return new Upload(values, cells, unreadable, applicationId);
            }
            for (Row row : sheet) {
                Cell keyCell = row.getCell(KEY_COLUMN);
                if (keyCell == null || keyCell.getCellType() != CellType.STRING || keyCell.getStringCellValue().isBlank()
                        || row.getRowNum() == 0) {
                    continue;
                }
                String key = keyCell.getStringCellValue().trim();
                String where = ref(row.getRowNum(), VALUE_COLUMN);
                Field f = byKey.get(key);
                if (f == null) {
                    if (!key.equals("字段 Field")) {
                        cells.put(key, ref(row.getRowNum(), KEY_COLUMN));
                        unreadable.add(new Violation(key, "NOT_ON_FORM", "is not a field of this checklist",
                                "不是本清单的字段"));
                    }
                    continue;
                }
                cells.put(key, where);
                Cell cell = row.getCell(VALUE_COLUMN);
                if (cell == null || cell.getCellType() == CellType.BLANK
                        || cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank()) {
                    values.put(key, null); // left empty, or cleared: as the form submits an emptied field
                    continue;
                }
                Object value = value(f, cell);
                if (value == null) {
                    unreadable.add(new Violation(key, "UNREADABLE", "cannot be read as " + expected(f) + " ('" + text(cell) + "')",
                            "无法识别为" + expectedZh(f) + "(“" + text(cell) + "”)", f.label()));
                } else {
                    values.put(key, value);
                }
            }
        } catch (IOException | RuntimeException e) {
            unreadable.add(new Violation("workbook", "NOT_A_WORKBOOK", "is not an Excel workbook (.xlsx) that can be read",
                    "不是可读取的 Excel 工作簿(.xlsx)", "工作簿 Workbook"));
        }
        return new Upload(values, cells, unreadable, applicationId);
    }

    /** "调查清单 Checklist!C12" */
    static String ref(int row, int column) {
        return SHEET + "!" + new CellReference(row, column).formatAsString();
    }

    private static Object value(Field f, Cell cell) {
        String text = text(cell);
        switch (f.type()) {
            case "number" -> {
                if (cell.getCellType() == CellType.NUMERIC) {
                    // "35%" typed into a cell is stored as 0.35 in a percent format: the form's fields ask for 35.
                    boolean percent = cell.getCellStyle().getDataFormatString() != null
                            && cell.getCellStyle().getDataFormatString().contains("%");
                    return percent ? BigDecimal.valueOf(cell.getNumericCellValue()).movePointRight(2).doubleValue()
                            : cell.getNumericCellValue();
                }
                try {
                    String plain = text.replace(",", "").trim();
                    return plain.endsWith("%") ? new BigDecimal(plain.substring(0, plain.length() - 1).trim()).doubleValue()
                            : new BigDecimal(plain).doubleValue();
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            case "checkbox" -> {
                String t = text.toUpperCase(java.util.Locale.ROOT);
                if (t.startsWith("是") || t.equals("YES") || t.equals("TRUE")) {
                    return true;
                }
                return t.startsWith("否") || t.equals("NO") || t.equals("FALSE") ? false : null;
            }
            case "select", "radio" -> {
                for (var option : f.options().entrySet()) {
                    if (option.getValue().equals(text) || option.getKey().equals(text)) {
                        return option.getKey();
                    }
                }
                return null;
            }
            default -> {
                if (f.month() && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                    LocalDate day = cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
                    return java.time.YearMonth.from(day).toString(); // Excel turned 2026-10 into a date
                }
                return text;
            }
        }
    }

    private static String text(Cell cell) {
        return switch (cell.getCellType()) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue().trim();
            case FORMULA -> cell.getCachedFormulaResultType() == CellType.NUMERIC
                    ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                    : cell.getStringCellValue().trim();
            default -> "";
        };
    }

    private static void prefill(Cell cell, Field f, Object value) {
        if (value == null) {
            return;
        }
        switch (f.type()) {
            case "number" -> {
                try {
                    cell.setCellValue(new BigDecimal(value.toString()).doubleValue());
                } catch (NumberFormatException ignored) {
                    // not a number: left for the investigator to enter
                }
            }
            case "checkbox" -> cell.setCellValue(Boolean.parseBoolean(value.toString()) ? YES : NO);
            case "select", "radio" -> cell.setCellValue(f.options().getOrDefault(value.toString(), value.toString()));
            default -> cell.setCellValue(value.toString());
        }
    }

    private static String rule(Field f) {
        List<String> parts = new ArrayList<>();
        parts.add(f.required() ? "必填 required" : "选填 optional");
        switch (f.type()) {
            case "number" -> parts.add("数字 number" + (f.min() == null ? "" : " ≥ " + f.min().toPlainString())
                    + (f.max() == null ? "" : " ≤ " + f.max().toPlainString()));
            case "select", "radio" -> parts.add("从列表选择 choose from the list");
            case "checkbox" -> parts.add(YES + " / " + NO);
            default -> {
                if (f.month()) {
                    parts.add("月份 month YYYY-MM");
                }
            }
        }
        if (f.conditional()) {
            parts.add("视其他答案显示,与任务中心相同 shown depending on other answers, as in Tasklist");
        }
        return String.join(";", parts);
    }

    private static String expected(Field f) {
        return switch (f.type()) {
            case "number" -> "a number";
            case "checkbox" -> YES + " or " + NO;
            case "select", "radio" -> "one of " + f.options().values();
            default -> "text";
        };
    }

    private static String expectedZh(Field f) {
        return switch (f.type()) {
            case "number" -> "数字";
            case "checkbox" -> "“是”或“否”";
            case "select", "radio" -> "列表中的选项";
            default -> "文字";
        };
    }

    /** Excel limits a prompt's title to 32 characters. */
    private static String shortLabel(String label) {
        return label.length() <= 32 ? label : label.substring(0, 32);
    }

    private static Cell cell(Row row, int column, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellStyle(style);
        return c;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle note;
        final CellStyle input;
        final CellStyle inputText;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = wb.createCellStyle();
            text.setWrapText(true);
            note = wb.createCellStyle();
            note.setWrapText(false);
            input = wb.createCellStyle();
            input.setLocked(false);
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            inputText = wb.createCellStyle();
            inputText.cloneStyleFrom(input);
            inputText.setDataFormat(wb.createDataFormat().getFormat("@")); // 2026-10 stays text, not a date
        }
    }
}
