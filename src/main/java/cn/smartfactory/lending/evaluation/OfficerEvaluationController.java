package cn.smartfactory.lending.evaluation;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.platform.BankClock;

/**
 * Officer evaluation over HTTP. Managers and risk managers read a month (the latest version, or an
 * older one) and export it; managers import the targets and compute a month again (a new version —
 * the earlier ones stay). Everyone else: 403, nothing read or changed.
 */
@RestController
class OfficerEvaluationController {

    private final OfficerEvaluations evaluations;
    private final OfficerTargets targets;
    private final CurrentStaff staff;
    private final IdentityService identity;

    OfficerEvaluationController(OfficerEvaluations evaluations, OfficerTargets targets, CurrentStaff staff, IdentityService identity) {
        this.evaluations = evaluations;
        this.targets = targets;
        this.staff = staff;
        this.identity = identity;
    }

    @GetMapping("/api/officer-evaluations")
    ResponseEntity<?> month(@RequestParam(required = false) String month, @RequestParam(required = false) Integer version) {
        if (!staff.inAnyOf(Role.MANAGERS, Role.RISK_MANAGERS)) {
            return forbidden("仅管理者和风险管理岗可查看客户经理分级 Only managers and risk managers see the officer evaluation");
        }
        YearMonth m;
        try {
            m = month(month);
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", m.toString());
        body.put("evaluations", evaluations.month(m, version));
        body.put("approvers", evaluations.approvers(m, version));
        body.put("monthsEvaluated", evaluations.months().stream().map(YearMonth::toString).toList());
        return ResponseEntity.ok(body);
    }

    @GetMapping("/api/officer-evaluations/export")
    ResponseEntity<?> export(@RequestParam(required = false) String month, @RequestParam(required = false) Integer version) {
        if (!staff.inAnyOf(Role.MANAGERS, Role.RISK_MANAGERS)) {
            return forbidden("仅管理者和风险管理岗可查看客户经理分级 Only managers and risk managers see the officer evaluation");
        }
        YearMonth m;
        try {
            m = month(month);
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("officer-evaluation-" + m + ".xlsx").build().toString())
                .body(EvaluationWorkbook.write(m.toString(), evaluations.month(m, version), evaluations.approvers(m, version)));
    }

    @PostMapping("/api/officer-evaluations")
    ResponseEntity<?> compute(@RequestParam String month) {
        if (!staff.inAnyOf(Role.MANAGERS)) {
            return forbidden("仅管理者可计算客户经理分级 Only managers compute the officer evaluation");
        }
        try {
            String by = identity.getCurrentAuthentication().getUserId();
            YearMonth m = month(month);
            OfficerEvaluations.Evaluated computed = staff.asPlatform(() -> evaluations.evaluate(m, by));
            return ResponseEntity.ok(Map.of("month", month, "evaluations", computed.evaluations(), "approvers", computed.approvers()));
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
    }

    @PostMapping("/api/officer-targets")
    ResponseEntity<?> importTargets(@RequestParam("file") MultipartFile file) throws IOException {
        if (!staff.inAnyOf(Role.MANAGERS)) {
            return forbidden("仅管理者可导入目标 Only managers import targets");
        }
        try {
            String by = identity.getCurrentAuthentication().getUserId();
            byte[] content = file.getBytes();
            OfficerTargets.Result result = staff.asPlatform(() -> targets.importFile(file.getOriginalFilename(), content, by));
            return result.rejected().isEmpty() ? ResponseEntity.ok(result)
                    : ResponseEntity.badRequest().body(Map.of("error", "INVALID_ROWS", "imported", 0, "rejected", result.rejected()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "INVALID_FILE", "message", e.getMessage()));
        }
    }

    private static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return YearMonth.from(BankClock.today()).minusMonths(1);
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("月份 month 须为 YYYY-MM must be YYYY-MM (was " + value + ")");
        }
    }

    private static ResponseEntity<?> bad(String message) {
        return ResponseEntity.badRequest().body(Map.of("error", "INVALID_MONTH", "message", message));
    }

    private static ResponseEntity<?> forbidden(String message) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN", "message", message));
    }
}
