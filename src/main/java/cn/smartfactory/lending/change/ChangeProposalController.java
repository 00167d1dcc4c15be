package cn.smartfactory.lending.change;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;

/**
 * {@code /api/change-proposals}: risk managers (and administrators) list proposals, read one with the
 * differences of each resource against what is deployed, and activate or reject it — a second
 * person, never the proposer.
 */
@RestController
@RequestMapping("/api/change-proposals")
class ChangeProposalController {

    /** The reviewer's note: why it is activated or rejected. */
    record Decision(String note) {
    }

    private final ChangeProposals proposals;
    private final CurrentStaff staff;
    private final IdentityService identity;

    ChangeProposalController(ChangeProposals proposals, CurrentStaff staff, IdentityService identity) {
        this.proposals = proposals;
        this.staff = staff;
        this.identity = identity;
    }

    @GetMapping
    ResponseEntity<?> list() {
        if (!reviewer()) {
            return forbidden();
        }
        return ResponseEntity.ok(proposals.list());
    }

    @GetMapping("/{id}")
    ResponseEntity<?> show(@PathVariable String id) {
        if (!reviewer()) {
            return forbidden();
        }
        return proposals.find(id).<ResponseEntity<?>>map(p -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", p.id());
            body.put("name", p.name());
            body.put("proposedBy", p.proposedBy());
            body.put("proposedAt", p.proposedAt());
            body.put("status", p.status());
            body.put("decidedBy", p.decidedBy());
            body.put("decisionNote", p.decisionNote());
            body.put("deploymentId", p.deploymentId());
            body.put("resources", proposals.changes(p));
            return ResponseEntity.ok(body);
        }).orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/activate")
    ResponseEntity<?> activate(@PathVariable String id, @RequestBody(required = false) Decision decision) {
        if (!reviewer()) {
            return forbidden();
        }
        return proposals.find(id).<ResponseEntity<?>>map(p -> {
            String deployment = proposals.activate(p, me(), decision == null ? null : decision.note());
            return ResponseEntity.ok(Map.of("id", id, "status", "ACTIVATED", "deploymentId", deployment));
        }).orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/reject")
    ResponseEntity<?> reject(@PathVariable String id, @RequestBody(required = false) Decision decision) {
        if (!reviewer()) {
            return forbidden();
        }
        if (decision == null || decision.note() == null || decision.note().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "INVALID", "field", "note",
                    "message", "驳回原因 note: 必填 / a rejection needs a reason"));
        }
        return proposals.find(id).<ResponseEntity<?>>map(p -> {
            proposals.reject(p, me(), decision.note());
            return ResponseEntity.ok(Map.of("id", id, "status", "REJECTED"));
        }).orElseGet(() -> notFound(id));
    }

    @ExceptionHandler(ChangeProposals.ProposalRefused.class)
    ResponseEntity<Map<String, Object>> refused(ChangeProposals.ProposalRefused e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.status() == 409 ? "CONFLICT" : "FORBIDDEN",
                "message", e.getMessage()));
    }

    private boolean reviewer() {
        return staff.inAnyOf(Role.RISK_MANAGERS, Role.CAMUNDA_ADMIN);
    }

    private String me() {
        return identity.getCurrentAuthentication().getUserId();
    }

    private static ResponseEntity<?> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN", "message",
                "仅风险经理可复核变更申请 / only risk managers review change proposals"));
    }

    private static ResponseEntity<?> notFound(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND", "message",
                "变更申请 " + id + " 不存在 / there is no change proposal " + id));
    }
}
