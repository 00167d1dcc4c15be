package cn.smartfactory.lending.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PortfolioExportTest {

    @Test
    void listsEveryLoanAndTotalsByTierClassificationAndOfficer() throws Exception {
        InMemoryLoanRegister register = new InMemoryLoanRegister();
        register.register(OverdueImportTest.loan("LN-1", "A", "NORMAL"));
        register.register(OverdueImportTest.loan("LN-2", "B", "SUBSTANDARD"));
        register.register(OverdueImportTest.loan("LN-3", "C", "NORMAL"));
        register.updateStatus("LN-3", 40, new java.math.BigDecimal("50000"), "SPECIAL_MENTION", "T3");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(new PortfolioExport(register).export()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            var loans = wb.getSheetAt(0);
            assertThat(loans.getLastRowNum()).isEqualTo(3);
            assertThat(loans.getRow(3).getCell(0).getStringCellValue()).isEqualTo("LN-3");
            assertThat(loans.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(50000);
            assertThat(loans.getRow(3).getCell(9).getStringCellValue()).isEqualTo("T3");
            var byTier = wb.getSheet("按分级 By tier");
            assertThat(byTier.getRow(1).getCell(0).getStringCellValue()).isEqualTo("T1");
            assertThat(byTier.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(byTier.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(200000);
            assertThat(byTier.getRow(2).getCell(0).getStringCellValue()).isEqualTo("T3");
            var byClass = wb.getSheet("按五级分类 By classification");
            assertThat(byClass.getLastRowNum()).isEqualTo(3);
            var byOfficer = wb.getSheet("按客户经理 By account manager");
            assertThat(byOfficer.getRow(1).getCell(0).getStringCellValue()).isEqualTo("am1");
            assertThat(byOfficer.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(byOfficer.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(250000);
        }
    }
}
