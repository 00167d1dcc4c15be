package cn.smartfactory.lending.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * A list a bank's staff upload — the daily overdue list, a campaign's name list — read as people in
 * China save them: CSV in UTF-8 with or without a byte-order mark, or in GBK as Excel saves it on
 * Chinese Windows (decoded as GB18030, its superset), parsed by a CSV library (quoted fields with
 * commas and line breaks); or the first sheet of an xlsx workbook, streamed (SAX), never loaded
 * whole. Cells are trimmed text; a date cell reads as an ISO date (2026-11-22) and a number as its
 * plain value (no grouping). Rows keep their number in the file (the header is row 1), so a refusal
 * can name the row a person sees in Excel. Whatever cannot be read is a {@link Unreadable}, whole.
 */
public final class TabularFile {

    /** An xlsx part that unpacks to more than this is refused (a compressed-file bomb). */
    public static final long MAX_XLSX_ENTRY_BYTES = 200L * 1024 * 1024;
    /** An xlsx part compressed more than 1:100 is refused (POI checks while unpacking). */
    public static final double MIN_XLSX_INFLATE_RATIO = 0.01;

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** One row: its number in the file (1 is the first line or sheet row) and its cells, trimmed. */
    public record Row(int number, List<String> cells) {

        /** The cell at a column, or "" past the row's end. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** The file is not a list this reader can read, or is longer than allowed: nothing of it is used. */
    public static final class Unreadable extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        Unreadable(String zh, String en, Throwable cause) {
            super("“文件”" + zh + "。\"File\" " + en + ".", cause);
        }
    }

    private TabularFile() {
    }

    /**
     * The rows of a CSV or xlsx file.
     *
     * @param fileName decides the format: {@code .xlsx} is a workbook, anything else CSV
     * @param maxRows  the most data rows (after the header) the caller accepts; more is {@link Unreadable}
     */
    public static List<Row> read(String fileName, byte[] content, int maxRows) {
        if (content == null || content.length == 0) {
            throw new Unreadable("为空", "is empty", null);
        }
        boolean xlsx = fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
        return xlsx ? xlsx(content, maxRows) : csv(content, maxRows);
    }

    /** The text of a CSV file: UTF-8 (a byte-order mark is dropped) unless it is not valid UTF-8, then GBK. */
    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, start, content.length - start, GB18030);
        }
    }

    private static List<Row> csv(byte[] content, int maxRows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (Reader text = new StringReader(decode(content)); CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                if (rows.size() > maxRows) {
                    throw tooLong(maxRows);
                }
                rows.add(new Row((int) record.getRecordNumber(), List.copyOf(record.toList())));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new Unreadable("不是可读取的 CSV 文件(" + e.getMessage() + ")", "is not a readable CSV file (" + e.getMessage() + ")", e);
        }
        dropTrailingBlankRows(rows);
        return rows;
    }

    private static List<Row> xlsx(byte[] content, int maxRows) {
        ZipSecureFile.setMinInflateRatio(MIN_XLSX_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_XLSX_ENTRY_BYTES);
        List<Row> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Unreadable("没有工作表", "has no sheet", null);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Collector(rows, maxRows),
                        new PlainValues(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (Unreadable e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new Unreadable("不是可读取的 xlsx 工作簿(" + e.getMessage() + ")", "is not a readable xlsx workbook ("
                    + e.getMessage() + ")", e);
        }
        dropTrailingBlankRows(rows);
        return rows;
    }

    private static Unreadable tooLong(int maxRows) {
        return new Unreadable("最多 " + maxRows + " 行数据", "may have at most " + maxRows + " data rows", null);
    }

    private static void dropTrailingBlankRows(List<Row> rows) {
        while (!rows.isEmpty() && rows.get(rows.size() - 1).blank()) {
            rows.remove(rows.size() - 1);
        }
    }

    /** Collects the sheet's rows as they stream by, with empty cells where a row skips columns. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<Row> rows;
        private final int maxRows;
        private List<String> cells;
        private int rowNumber;

        Collector(List<Row> rows, int maxRows) {
            this.rows = rows;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rows.size() > maxRows) {
                throw tooLong(maxRows);
            }
            rowNumber = rowNum + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(new Row(rowNumber, List.copyOf(cells)));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue.trim());
        }
    }

    /** Dates as ISO dates, numbers as their plain value: what a person typed, not how the sheet shows it. */
    private static final class PlainValues extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return NumberToTextConverter.toText(value);
        }
    }
}
