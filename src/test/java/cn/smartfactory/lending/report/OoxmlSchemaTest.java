package cn.smartfactory.lending.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * Validates the workbook's parts against the ECMA-376 schemas. Excel offers to "repair" a file
 * whose XML breaks them, and Excel is not available on the build machines, so this is the check.
 */
class OoxmlSchemaTest {

    static List<String> cases() {
        List<String> names = new ArrayList<>(WorkedCases.names());
        names.add("incomplete");
        return names;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyPartIsSchemaValid(String name) throws Exception {
        InvestigationRecord record = name.equals("incomplete")
                ? WorkedCases.mutate("2-catering", t -> t.remove("balanceSheet")) : WorkedCases.load(name);
        try (ReportWorkbook r = ReportWorkbook.of(record, List.of())) {
            List<String> errors = new ArrayList<>();
            validate("workbook", r.workbook.getCTWorkbook(), errors);
            validate("styles", r.workbook.getStylesSource().getCTStylesheet(), errors);
            for (int i = 0; i < r.workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = r.workbook.getSheetAt(i);
                validate(sheet.getSheetName(), sheet.getCTWorksheet(), errors);
                if (sheet.getDrawingPatriarch() != null) {
                    validate(sheet.getSheetName() + " drawing", sheet.getDrawingPatriarch().getCTDrawing(), errors);
                    for (XSSFChart chart : sheet.getDrawingPatriarch().getCharts()) {
                        validate(sheet.getSheetName() + " chart", chart.getCTChartSpace(), errors);
                    }
                }
            }
            assertThat(errors).isEmpty();
        }
    }

    /** The check itself must be able to fail: a sheet with two sheetData elements breaks the schema. */
    @org.junit.jupiter.api.Test
    void validationDetectsXmlThatBreaksTheSchema() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var fresh = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            XSSFSheet x = fresh.createSheet("x");
            x.createRow(0).createCell(0).setCellValue(1);
            x.setColumnWidth(0, 3000); // POI keeps an empty <cols> in memory for sheets without widths

            fresh.write(bytes);
        }
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            List<String> errors = new ArrayList<>();
            validate("clean", sheet.getCTWorksheet(), errors);
            assertThat(errors).isEmpty();
            sheet.getCTWorksheet().addNewSheetData();
            validate("broken", sheet.getCTWorksheet(), errors);
            assertThat(errors).isNotEmpty();
        }
    }

    private static void validate(String part, XmlObject xml, List<String> errors) {
        List<XmlError> found = new ArrayList<>();
        if (!xml.validate(new XmlOptions().setErrorListener(found))) {
            found.forEach(e -> errors.add(part + ": " + e.getMessage()));
            if (found.isEmpty()) {
                errors.add(part + ": invalid");
            }
        }
    }
}
