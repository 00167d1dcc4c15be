package cn.smartfactory.lending.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Lists as people in China save them: CSV in UTF-8 (with or without BOM) or GBK, quoted fields, and xlsx. */
class TabularFileTest {

    private static final String HEADER = "name,phone,idNumber,industry,region\n";

    @Test
    void quotedFieldsKeepTheirCommasAndLineBreaksAndRowsKeepTheirNumbers() {
        String csv = HEADER + "\"王五, 小卖部\",13800138000,11010119800101123X,RETAIL_STORE,县城\n"
                + "\"李四\n(二店)\",13900139000,,CATERING,乡镇\n\n"
                + "赵六,13700137000,,LOGISTICS,县城\n";

        List<TabularFile.Row> rows = TabularFile.read("list.csv", csv.getBytes(StandardCharsets.UTF_8), 10);

        assertThat(rows).extracting(TabularFile.Row::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(rows.get(1).cells()).containsExactly("王五, 小卖部", "13800138000", "11010119800101123X", "RETAIL_STORE", "县城");
        assertThat(rows.get(2).cell(0)).isEqualTo("李四\n(二店)");
        assertThat(rows.get(2).cell(2)).isEmpty();
        assertThat(rows.get(3).blank()).isTrue();
        assertThat(rows.get(4).cell(0)).isEqualTo("赵六");
        assertThat(rows.get(4).cell(9)).as("past the row's end").isEmpty();
    }

    @Test
    void utf8WithAByteOrderMarkAndGbkAsExcelSavesItReadTheSame() {
        String csv = HEADER + "张三,13800138000,,RETAIL_STORE,城关镇\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));

        for (byte[] content : List.of(utf8, withBom, gbk)) {
            List<TabularFile.Row> rows = TabularFile.read("list.csv", content, 10);
            assertThat(rows.get(0).cell(0)).isEqualTo("name");
            assertThat(rows.get(1).cells()).containsExactly("张三", "13800138000", "", "RETAIL_STORE", "城关镇");
        }
    }

    @Test
    void anXlsxSheetIsStreamedWithDatesAsIsoDatesAndNumbersAsTheirPlainValue() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("名单");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            CellStyle grouped = wb.createCellStyle();
            grouped.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("name");
            header.createCell(1).setCellValue("phone");
            header.createCell(2).setCellValue("balance");
            header.createCell(3).setCellValue("asOf");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(" 张三 ");
            first.createCell(1).setCellValue(13800138000d);
            first.createCell(2).setCellValue(150000.5);
            first.getCell(2).setCellStyle(grouped);
            first.createCell(3).setCellValue(LocalDate.of(2026, 11, 22));
            first.getCell(3).setCellStyle(date);
            Row third = sheet.createRow(3); // row 3 (Excel's row 4) after an empty row; column B skipped
            third.createCell(0).setCellValue("李四");
            third.createCell(2).setCellValue(7);
            wb.write(out);
            xlsx = out.toByteArray();
        }

        List<TabularFile.Row> rows = TabularFile.read("名单.XLSX", xlsx, 10);

        assertThat(rows).extracting(TabularFile.Row::number).containsExactly(1, 2, 4);
        assertThat(rows.get(1).cells()).containsExactly("张三", "13800138000", "150000.5", "2026-11-22");
        assertThat(rows.get(2).cells()).containsExactly("李四", "", "7");
    }

    @Test
    void aListLongerThanAllowedIsRefusedWhole() {
        String csv = HEADER + "a,1,,X,Y\n".repeat(6);

        assertThatThrownBy(() -> TabularFile.read("list.csv", csv.getBytes(StandardCharsets.UTF_8), 5))
                .isInstanceOf(TabularFile.Unreadable.class).hasMessageContaining("最多 5 行数据").hasMessageContaining("at most 5");
        assertThat(TabularFile.read("list.csv", (HEADER + "a,1,,X,Y\n".repeat(5)).getBytes(StandardCharsets.UTF_8), 5)).hasSize(6);
    }

    @Test
    void whatIsNotAListIsRefusedWhole() throws Exception {
        assertThatThrownBy(() -> TabularFile.read("list.csv", new byte[0], 5)).isInstanceOf(TabularFile.Unreadable.class)
                .hasMessage("“文件”为空。\"File\" is empty.");
        assertThatThrownBy(() -> TabularFile.read("list.xlsx", "name,phone\n".getBytes(StandardCharsets.UTF_8), 5))
                .isInstanceOf(TabularFile.Unreadable.class).hasMessageContaining("不是可读取的 xlsx 工作簿");
        assertThatThrownBy(() -> TabularFile.read("list.csv", "name,\"unterminated\n".getBytes(StandardCharsets.UTF_8), 5))
                .isInstanceOf(TabularFile.Unreadable.class).hasMessageContaining("不是可读取的 CSV 文件");

        // A workbook whose sheet unpacks a thousand times larger than it is packed: refused while unpacking.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[20 * 1024 * 1024]);
        }
        assertThatThrownBy(() -> TabularFile.read("bomb.xlsx", bomb.toByteArray(), 5)).isInstanceOf(TabularFile.Unreadable.class)
                .hasMessageContaining("Zip bomb");
    }
}
