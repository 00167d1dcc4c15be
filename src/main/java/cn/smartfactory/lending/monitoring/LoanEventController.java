package cn.smartfactory.lending.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;

/**
 * Loan events from core banking, under its own technical account (group {@code core-banking}, not a
 * staff role): the six warning signals and repayment in full, for any loan. Staff report warnings
 * through the early-warning form, for loans they serve. 201 when handled now, 200 for a repeated
 * event id; refusals are answered by {@code ApiErrors}.
 */
@RestController
@RequestMapping("/api/loan-events")
class LoanEventController {

    /** The request body; the source is always the authenticated caller. */
    record Body(String eventId, String loanNumber, String type, LocalDate occurredOn, Integer daysOverdue,
                BigDecimal outstandingBalance, BigDecimal salesChangePercent, String description) {
    }

    private final LoanMonitoring monitoring;
    private final CurrentStaff staff;
    private final IdentityService identity;

    LoanEventController(LoanMonitoring monitoring, CurrentStaff staff, IdentityService identity) {
        this.monitoring = monitoring;
        this.staff = staff;
        this.identity = identity;
    }

    @PostMapping
    ResponseEntity<?> raise(@RequestBody Body body) {
        if (!staff.inAnyOf(Role.CORE_BANKING, Role.CAMUNDA_ADMIN)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN", "message",
                    "仅核心系统可报送贷后事件;员工请通过预警上报表单上报所管贷款的预警 / Only core banking posts loan events; "
                            + "staff report warnings for the loans they serve through the early-warning form"));
        }
        LoanEvent event = new LoanEvent(body.eventId(), body.loanNumber(), body.type(), body.occurredOn(),
                body.daysOverdue(), body.outstandingBalance(), body.salesChangePercent(), body.description(),
                identity.getCurrentAuthentication().getUserId());
        LoanMonitoring.EventOutcome outcome;
        try {
            outcome = monitoring.raise(event);
        } catch (DuplicateKeyException raced) {
            // The same event id arrived twice at once: the other request stored it, so this one is a repeat.
            outcome = monitoring.raise(event);
        }
        return ResponseEntity.status(outcome.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(outcome);
    }
}
