package cn.smartfactory.lending.customer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;

/**
 * A customer's record for marketing operations and managers, and the customer's contact wishes
 * (个人信息保护法): marketing operations and account managers record "do not contact" or a change of
 * consent the moment the customer states it; no campaign list can then include them.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    /** Body of a change of wishes. */
    record Preferences(Boolean doNotContact, String consent) {
    }

    private final CustomerRegister customers;
    private final CurrentStaff staff;
    private final IdentityService identity;

    CustomerController(CustomerRegister customers, CurrentStaff staff, IdentityService identity) {
        this.customers = customers;
        this.staff = staff;
        this.identity = identity;
    }

    @GetMapping("/{key}")
    ResponseEntity<?> customer(@PathVariable String key) {
        if (!staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.MANAGERS, Role.CAMUNDA_ADMIN)) {
            return forbidden("仅营销运营岗和管理者可查看客户档案。Only marketing operations and managers see customer records.");
        }
        var customer = customers.find(key.toUpperCase(java.util.Locale.ROOT));
        if (customer.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND", "message",
                    "客户 " + key + " 不在客户登记中。There is no customer " + key + " in the register."));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", customer.get());
        body.put("applications", customers.applications(customer.get().key()));
        body.put("relations", customers.relations(customer.get().key()));
        return ResponseEntity.ok(body);
    }

    @PutMapping("/{key}/contact-preferences")
    ResponseEntity<?> preferences(@PathVariable String key, @RequestBody Preferences change) {
        if (!staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.ACCOUNT_MANAGERS, Role.CAMUNDA_ADMIN)) {
            return forbidden("仅营销运营岗和客户经理可登记客户的联系意愿。Only marketing operations and account managers record a "
                    + "customer's contact wishes.");
        }
        if (change == null || change.consent() == null || !CustomerRegister.CONSENTS.contains(change.consent())) {
            return ResponseEntity.badRequest().body(Map.of("error", "REFUSED", "message", "“营销同意 Marketing consent”须为 "
                    + CustomerRegister.CONSENTS + " 之一。\"Marketing consent\" must be one of " + CustomerRegister.CONSENTS + "."));
        }
        var customer = customers.find(key.toUpperCase(java.util.Locale.ROOT));
        if (customer.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND", "message",
                    "客户 " + key + " 不在客户登记中。There is no customer " + key + " in the register."));
        }
        boolean doNotContact = change.doNotContact() != null && change.doNotContact();
        customers.setPreferences(customer.get().key(), doNotContact, change.consent(),
                identity.getCurrentAuthentication().getUserId());
        return ResponseEntity.ok(customers.find(customer.get().key()).orElseThrow());
    }

    private static ResponseEntity<Map<String, Object>> forbidden(String message) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN", "message", message));
    }
}
