package cn.smartfactory.lending.report;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.investigation.InvestigationRecord;

/** Returns the credit report for an investigation as an xlsx download; nothing is stored. */
@RestController
@RequestMapping("/api/credit-reports")
class CreditReportController {

    private final CreditReportService reports;

    CreditReportController(CreditReportService reports) {
        this.reports = reports;
    }

    @PostMapping
    ResponseEntity<byte[]> report(@RequestBody InvestigationRecord investigation) {
        CreditReport report = reports.report(investigation, List.of());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CreditReport.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(report.fileName()).build().toString())
                .body(report.content());
    }
}
