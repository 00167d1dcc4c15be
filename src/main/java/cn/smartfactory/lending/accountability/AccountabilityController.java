package cn.smartfactory.lending.accountability;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.platform.BankClock;

/**
 * The reviews over HTTP. Risk managers and managers read every review, its findings, statements and
 * determinations, and download the dossier as generated (its SHA-256 is on the decision record); an officer
 * reads only the reviews that judged their own work, only their own findings and entries, and downloads an
 * extract of the dossier with only their own work. Risk managers open a new round. Anyone else: 403.
 */
@RestController
class AccountabilityController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The roles whose work a review judges: they see the reviews of their own work. */
    private static final Role[] OFFICERS = {Role.ACCOUNT_MANAGERS, Role.INVESTIGATORS, Role.CENTRAL_OPERATIONS, Role.APPROVERS,
            Role.CREDIT_COMMITTEE};

    private final AccountabilityStore store;
    private final AccountabilityReviews reviews;
    private final Attribution attribution;
    private final CurrentStaff staff;
    private final IdentityService identity;

    AccountabilityController(AccountabilityStore store, AccountabilityReviews reviews, Attribution attribution, CurrentStaff staff,
                             IdentityService identity) {
        this.store = store;
        this.reviews = reviews;
        this.attribution = attribution;
        this.staff = staff;
        this.identity = identity;
    }

    @GetMapping("/api/accountability/reviews")
    ResponseEntity<?> list() {
        boolean reader = staff.inAnyOf(Role.RISK_MANAGERS, Role.MANAGERS);
        if (!reader && !staff.inAnyOf(OFFICERS)) {
            return forbidden();
        }
        String me = me();
        List<Map<String, Object>> result = store.reviews().stream()
                .map(r -> Map.entry(r, store.findings(r.reviewId())))
                .filter(e -> reader || e.getValue().stream().anyMatch(f -> f.officer().equals(me)))
                .map(e -> summary(e.getKey(), reader ? e.getValue() : own(e.getValue(), me))).toList();
        return ResponseEntity.ok(Map.of("reviews", result));
    }

    @GetMapping("/api/accountability/reviews/{reviewId}")
    ResponseEntity<?> review(@PathVariable String reviewId) {
        var review = store.review(reviewId).orElse(null);
        if (review == null) {
            return notFound(reviewId);
        }
        boolean reader = staff.inAnyOf(Role.RISK_MANAGERS, Role.MANAGERS);
        String me = me();
        List<Finding> findings = store.findings(reviewId);
        if (!reader && findings.stream().noneMatch(f -> f.officer().equals(me))) {
            return forbidden();
        }
        Map<String, Object> body = summary(review, reader ? findings : own(findings, me));
        body.put("entries", store.entries(reviewId).stream().filter(e -> reader || e.officer().equals(me)).toList());
        store.dossier(reviewId).ifPresent(d -> body.put("dossierSha256", d.sha256()));
        return ResponseEntity.ok(body);
    }

    @GetMapping("/api/accountability/reviews/{reviewId}/dossier")
    ResponseEntity<?> dossier(@PathVariable String reviewId, @RequestParam(required = false) String officer) {
        var review = store.review(reviewId).orElse(null);
        if (review == null) {
            return notFound(reviewId);
        }
        boolean reader = staff.inAnyOf(Role.RISK_MANAGERS, Role.MANAGERS);
        String me = me();
        if (reader && officer == null) {
            var stored = store.dossier(reviewId).orElse(null);
            if (stored == null) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "NOT_YET", "message",
                        "档案尚在生成 The dossier is still being assembled"));
            }
            return file(stored.fileName(), stored.content());
        }
        String whose = officer == null ? me : officer;
        if (!reader && !whose.equals(me) || store.findings(reviewId).stream().noneMatch(f -> f.officer().equals(whose))) {
            return forbidden();
        }
        byte[] extract = staff.asPlatform(() -> reviews.extract(reviewId, whose));
        return file("dossier-" + reviewId + "-" + whose + ".xlsx", extract);
    }

    @GetMapping("/api/accountability/attribution")
    ResponseEntity<?> attribution(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (!staff.inAnyOf(Role.RISK_MANAGERS, Role.MANAGERS)) {
            return forbidden();
        }
        try {
            return ResponseEntity.ok(report(from, to));
        } catch (DateTimeParseException e) {
            return badDates();
        }
    }

    @GetMapping("/api/accountability/attribution/export")
    ResponseEntity<?> attributionExport(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (!staff.inAnyOf(Role.RISK_MANAGERS, Role.MANAGERS)) {
            return forbidden();
        }
        try {
            Attribution.Report report = report(from, to);
            return file("attribution-" + report.from() + "-" + report.to() + ".xlsx", AttributionWorkbook.write(report));
        } catch (DateTimeParseException e) {
            return badDates();
        }
    }

    /** Loans disbursed from (default: the first loan) to (default: today), in the bank's calendar. */
    private Attribution.Report report(String from, String to) {
        LocalDate end = to == null || to.isBlank() ? BankClock.today() : LocalDate.parse(to.trim());
        LocalDate start = from == null || from.isBlank() ? LocalDate.of(2000, 1, 1) : LocalDate.parse(from.trim());
        return attribution.report(start, end);
    }

    private static ResponseEntity<?> badDates() {
        return ResponseEntity.badRequest().body(Map.of("error", "INVALID_DATE", "message",
                "起止日期 from / to 须为 YYYY-MM-DD must be dates YYYY-MM-DD"));
    }

    @PostMapping("/api/accountability/reviews")
    ResponseEntity<?> newRound(@RequestParam String loanNumber, @RequestParam(required = false) String reason) {
        if (!staff.inAnyOf(Role.RISK_MANAGERS)) {
            return forbidden();
        }
        try {
            String by = me();
            String reviewId = staff.asPlatform(() -> reviews.openNewRound(loanNumber, reason, by));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reviewId", reviewId));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "INVALID", "message", e.getMessage()));
        } catch (IllegalStateException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "REVIEW_OPEN", "message", e.getMessage()));
        }
    }

    private Map<String, Object> summary(AccountabilityStore.Review r, List<Finding> findings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewId", r.reviewId());
        body.put("loanNumber", r.loanNumber());
        body.put("round", r.round());
        body.put("trigger", r.trigger());
        body.put("reason", r.reason());
        body.put("startedAt", r.startedAt());
        body.put("findings", findings);
        body.put("notMet", DueDiligenceStandards.notMet(findings));
        return body;
    }

    private static List<Finding> own(List<Finding> findings, String me) {
        return findings.stream().filter(f -> f.officer().equals(me)).toList();
    }

    private String me() {
        var auth = identity.getCurrentAuthentication();
        return auth == null ? "" : auth.getUserId();
    }

    private static ResponseEntity<?> file(String name, byte[] content) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    private static ResponseEntity<?> notFound(String reviewId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND", "message",
                "无此复核 No review " + reviewId));
    }

    private static ResponseEntity<?> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN", "message",
                "尽职复核仅对风险管理岗、管理者及被复核人员本人可见 Reviews are for risk managers, managers and the officers concerned"));
    }
}
