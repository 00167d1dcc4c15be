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
 * Loan events from core banking (a technical user in central operations) or officers: the six
 * warning signals and repayment in full. 201 when handled now, 200 for a repeated event id; refusals
 * are answered by {@code ApiErrors}.
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
        if (!staff.inAnyOf(Role.CENTRAL_OPERATIONS, Role.ACCOUNT_MANAGERS, Role.RISK_MANAGERS, Role.CAMUNDA_ADMIN)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN", "message",
                    "Only central operations, account managers and risk managers report loan events 仅集中作业、管户和风险岗可报送贷后事件"));
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
