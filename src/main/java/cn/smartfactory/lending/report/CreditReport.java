package cn.smartfactory.lending.report;

/** A generated workbook: its file name and its bytes (xlsx). */
public record CreditReport(String fileName, byte[] content) {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
