package cn.smartfactory.lending.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.smartfactory.lending.origination.LoanFixtures;

/** The offline checklist written from the committed form and read back, without the engine. */
class ChecklistWorkbookTest {

    static JsonNode form(String industry) throws Exception {
        return new ObjectMapper().readTree(Files.readString(Path.of("forms", "investigation-" + industry + ".form")));
    }

    /** Credit loan without a guarantor: the collateral and guarantor sections are hidden by the loan itself. */
    static final Map<String, Object> CREDIT_LOAN = Map.of("collateralRequired", false, "guarantorRequired", false);

    static boolean hiddenFor(String condition, Map<String, Object> loan) {
        return condition.contains("collateralRequired") && !Boolean.TRUE.equals(loan.get("collateralRequired"))
                || condition.contains("guarantorRequired") && !Boolean.TRUE.equals(loan.get("guarantorRequired"));
    }

    /** Fills column C as an investigator would: numbers, the choices' labels, 是/否, text. */
    static byte[] filled(byte[] workbook, Map<String, Object> values) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet(ChecklistWorkbook.SHEET);
            for (Row row : sheet) {
                var key = row.getCell(ChecklistWorkbook.KEY_COLUMN);
                if (key == null || !values.containsKey(key.getStringCellValue())) {
                    continue;
                }
                Object v = values.get(key.getStringCellValue());
                var cell = row.getCell(ChecklistWorkbook.VALUE_COLUMN);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b ? ChecklistWorkbook.YES : ChecklistWorkbook.NO);
                } else {
                    cell.setCellValue(v == null ? "" : v.toString());
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static int rowOf(byte[] workbook, String key) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Row row : wb.getSheet(ChecklistWorkbook.SHEET)) {
                var cell = row.getCell(ChecklistWorkbook.KEY_COLUMN);
                if (cell != null && cell.getStringCellValue().equals(key)) {
                    return row.getRowNum();
                }
            }
        }
        throw new AssertionError(key + " is not on the sheet");
    }

    @Test
    void asksWhatTheFormAsksWithItsLabelsChoicesAndRanges() throws Exception {
        JsonNode form = form("retail-store");
        byte[] workbook = ChecklistWorkbook.write(form, c -> hiddenFor(c, CREDIT_LOAN), List.of("申请 Application APP-1"), Map.of());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheet(ChecklistWorkbook.SHEET);
            assertThat(wb.isSheetHidden(wb.getSheetIndex(ChecklistWorkbook.OPTIONS_SHEET))).isTrue();
            assertThat(sheet.isColumnHidden(ChecklistWorkbook.KEY_COLUMN)).isTrue();
            assertThat(sheet.getProtect()).as("only the value column can be edited").isTrue();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("申请 Application APP-1");
            Map<String, Row> rows = new HashMap<>();
            sheet.forEach(r -> {
                var k = r.getCell(ChecklistWorkbook.KEY_COLUMN);
                if (k != null) {
                    rows.put(k.getStringCellValue(), r);
                }
            });
            // Every field of the form that a credit loan without a guarantor shows, and none of the others.
            List<String> keys = ChecklistWorkbook.fields(form, c -> hiddenFor(c, CREDIT_LOAN)).stream()
                    .map(ChecklistWorkbook.Field::key).toList();
            assertThat(rows.keySet()).containsAll(keys).noneMatch(k -> k.startsWith("collateral") || k.startsWith("guarantor"));
            assertThat(rows.get("householdRegion").getCell(1).getStringCellValue()).isEqualTo("居住地类别 Where the household lives");
            assertThat(rows.get("householdRegion").getCell(3).getStringCellValue()).contains("从列表选择 choose from the list");
            assertThat(sheet.getDataValidations()).hasSizeGreaterThan(30);
            assertThat(rows.get("householdRegion").getCell(ChecklistWorkbook.VALUE_COLUMN).getCellStyle().getLocked()).isFalse();
            assertThat(rows.get("householdRegion").getCell(1).getCellStyle().getLocked()).isTrue();
        }
        // A mortgage with a guarantor shows both sections.
        Map<String, Object> secured = Map.of("collateralRequired", true, "guarantorRequired", true);
        assertThat(ChecklistWorkbook.fields(form, c -> hiddenFor(c, secured))).extracting(ChecklistWorkbook.Field::key)
                .contains("collateralAppraisedValue", "guarantorNetAssets");
    }

    @Test
    void readsBackWhatTheFormWouldSubmit() throws Exception {
        JsonNode form = form("retail-store");
        Map<String, Object> checklist = LoanFixtures.checklist("3-retail-store");
        byte[] workbook = filled(ChecklistWorkbook.write(form, c -> hiddenFor(c, CREDIT_LOAN), List.of(), Map.of()), checklist);
        ChecklistWorkbook.Upload upload = ChecklistWorkbook.read(form, workbook);
        assertThat(upload.unreadable()).isEmpty();
        // What was filled in comes back; every other row comes back empty, as the form submits an empty field.
        assertThat(upload.values().entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(checklist.keySet());
        assertThat(upload.values()).containsEntry("debt3Lender", null);
        checklist.forEach((key, value) -> {
            Object read = upload.values().get(key);
            if (value instanceof Number n) {
                assertThat(((Number) read).doubleValue()).as(key).isEqualTo(n.doubleValue());
            } else {
                assertThat(read).as(key).isEqualTo(value);
            }
        });
        int row = rowOf(workbook, "householdRegion");
        assertThat(upload.cells()).containsEntry("householdRegion", "调查清单 Checklist!C" + (row + 1));
    }

    /** A value that is not what its row asks is named by its cell; a choice may be given by its label or its value. */
    @Test
    void namesTheCellOfEveryValueItCannotRead() throws Exception {
        JsonNode form = form("retail-store");
        Map<String, Object> checklist = new HashMap<>(LoanFixtures.checklist("3-retail-store"));
        checklist.put("householdMembers", "three");
        checklist.put("householdRegion", "城郊 Suburb");
        byte[] workbook = filled(ChecklistWorkbook.write(form, c -> hiddenFor(c, CREDIT_LOAN), List.of(), Map.of()), checklist);
        ChecklistWorkbook.Upload upload = ChecklistWorkbook.read(form, workbook);
        assertThat(upload.unreadable()).extracting(v -> v.field() + ":" + v.rule())
                .containsExactlyInAnyOrder("householdMembers:UNREADABLE", "householdRegion:UNREADABLE");
        assertThat(upload.cells().get("householdMembers")).isEqualTo("调查清单 Checklist!C" + (rowOf(workbook, "householdMembers") + 1));
        assertThat(upload.unreadable()).filteredOn(v -> v.field().equals("householdMembers")).singleElement()
                .satisfies(v -> assertThat(v.detailZh()).contains("无法识别为数字", "three"));
        // Not a workbook at all.
        assertThat(ChecklistWorkbook.read(form, "not a workbook".getBytes()).unreadable()).extracting(v -> v.rule())
                .containsExactly("NOT_A_WORKBOOK");
    }

    /**
     * "35%" typed into a cell is kept by Excel as 0.35 in a percent format; the form's percent fields ask for 35. Typed as
     * text "35%" it is read as 35 too. The application the workbook was downloaded for travels with it.
     */
    @Test
    void aPercentTypedWithItsSignIsReadAsTheFormAsksIt() throws Exception {
        JsonNode form = form("retail-store");
        byte[] workbook = ChecklistWorkbook.write(form, c -> hiddenFor(c, CREDIT_LOAN), List.of(), Map.of(), "APP-42");
        int margin = rowOf(workbook, "grossMarginPercent");
        int share = rowOf(workbook, "customer1SharePercent");
        byte[] typed;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.getSheet(ChecklistWorkbook.SHEET);
            var cell = sheet.getRow(margin).getCell(ChecklistWorkbook.VALUE_COLUMN);
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("0%"));
            cell.setCellStyle(style);
            cell.setCellValue(0.35);
            sheet.getRow(share).getCell(ChecklistWorkbook.VALUE_COLUMN).setCellValue("80%");
            wb.write(out);
            typed = out.toByteArray();
        }
        ChecklistWorkbook.Upload upload = ChecklistWorkbook.read(form, typed);
        assertThat(((Number) upload.values().get("grossMarginPercent")).doubleValue()).isEqualTo(35.0);
        assertThat(((Number) upload.values().get("customer1SharePercent")).doubleValue()).isEqualTo(80.0);
        assertThat(upload.applicationId()).isEqualTo("APP-42");
    }

    /** Excel turns "2026-10" typed into a general cell into a date; the month is read back as the month. */
    @Test
    void aMonthThatExcelTurnedIntoADateIsReadAsTheMonth() throws Exception {
        JsonNode form = form("retail-store");
        byte[] workbook = ChecklistWorkbook.write(form, c -> hiddenFor(c, CREDIT_LOAN), List.of(), Map.of());
        int row = rowOf(workbook, "statementsLatestMonth");
        byte[] dated;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var cell = wb.getSheet(ChecklistWorkbook.SHEET).getRow(row).getCell(ChecklistWorkbook.VALUE_COLUMN);
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm"));
            cell.setCellStyle(style);
            cell.setCellValue(java.time.LocalDate.of(2026, 10, 1));
            wb.write(out);
            dated = out.toByteArray();
        }
        assertThat(ChecklistWorkbook.read(form, dated).values()).containsEntry("statementsLatestMonth", "2026-10");
    }
}
