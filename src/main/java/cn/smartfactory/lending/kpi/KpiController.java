package cn.smartfactory.lending.kpi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.platform.BankClock;

/**
 * {@code GET /api/kpis} and {@code GET /api/kpis/export}: the factory's KPIs for a period (default:
 * this quarter), for managers and risk managers only; everyone else gets 403 with nothing computed.
 */
@RestController
@RequestMapping("/api/kpis")
class KpiController {

    private final KpiService kpis;
    private final CurrentStaff staff;

    KpiController(KpiService kpis, CurrentStaff staff) {
        this.kpis = kpis;
        this.staff = staff;
    }

    @GetMapping
    ResponseEntity<?> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String product, @RequestParam(required = false) String station,
                           @RequestParam(required = false) String officer) {
        if (!allowed()) {
            return forbidden();
        }
        return query(from, to, product, station, officer, q -> ResponseEntity.ok(kpis.report(q)));
    }

    @GetMapping("/export")
    ResponseEntity<?> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String product, @RequestParam(required = false) String station,
                             @RequestParam(required = false) String officer) {
        if (!allowed()) {
            return forbidden();
        }
        return query(from, to, product, station, officer, q -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kpis-" + q.from() + "-" + q.to() + ".xlsx").build().toString())
                .body(new KpiWorkbook().write(kpis.report(q))));
    }

    private boolean allowed() {
        return staff.inAnyOf(Role.MANAGERS, Role.RISK_MANAGERS);
    }

    private static ResponseEntity<?> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN",
                "message", "仅管理者和风险管理岗可查看工厂指标 Only managers and risk managers see the factory's KPIs"));
    }

    private static ResponseEntity<?> query(String from, String to, String product, String station, String officer,
                                           java.util.function.Function<KpiQuery, ResponseEntity<?>> answer) {
        KpiQuery quarter = KpiQuery.quarterOf(BankClock.today());
        LocalDate start;
        LocalDate end;
        try {
            start = date(from, "开始日期 from", quarter.from());
            end = date(to, "结束日期 to", quarter.to());
            return answer.apply(new KpiQuery(start, end, product, station, officer));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "INVALID_PERIOD", "message", e.getMessage()));
        }
    }

    private static LocalDate date(String value, String label, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(label + " 须为日期 YYYY-MM-DD must be a date YYYY-MM-DD (was " + value + ")");
        }
    }
}
