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

/**
 * Credit reports: {@code POST} an investigation for its report (nothing stored), {@code GET} a loan's
 * stored report by application id — staff of the line, managers and risk managers (core banking's
 * account does not read reports) — with its SHA-256 in a header.
 */
@RestController
@RequestMapping("/api/credit-reports")
class CreditReportController {

    private final CreditReportService reports;
    private final CreditReportStore store;
    private final cn.smartfactory.lending.identity.CurrentStaff staff;

    CreditReportController(CreditReportService reports, CreditReportStore store, cn.smartfactory.lending.identity.CurrentStaff staff) {
        this.reports = reports;
        this.store = store;
        this.staff = staff;
    }

    @org.springframework.web.bind.annotation.GetMapping("/{applicationId}")
    ResponseEntity<?> stored(@org.springframework.web.bind.annotation.PathVariable String applicationId) {
        if (staff.inAnyOf(cn.smartfactory.lending.identity.Role.CORE_BANKING, cn.smartfactory.lending.identity.Role.IT_OPERATIONS)
                || !staff.inAnyOf(cn.smartfactory.lending.identity.Role.values())) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.FORBIDDEN).body(java.util.Map.of("error", "FORBIDDEN",
                    "message", "仅信贷条线员工可查看信用报告 / only staff of the credit line read credit reports"));
        }
        return store.latest(applicationId).<ResponseEntity<?>>map(r -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CreditReport.CONTENT_TYPE))
                .header("X-Content-SHA256", r.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(r.fileName()).build().toString())
                .body(r.content()))
                .orElseGet(() -> ResponseEntity.status(org.springframework.http.HttpStatus.NOT_FOUND).body(java.util.Map.of(
                        "error", "NOT_FOUND", "message", "申请 " + applicationId + " 还没有信用报告 / no credit report for " + applicationId)));
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
