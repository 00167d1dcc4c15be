package cn.smartfactory.lending.marketing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;

/**
 * The lists the bank generates for marketing operations: renewal candidates (a RENEWAL campaign imports
 * them itself) and chain leads as a name list to complete and upload.
 */
@RestController
@RequestMapping("/api/marketing-lists")
class MarketingListController {

    private final BankLists lists;
    private final CurrentStaff staff;

    MarketingListController(BankLists lists, CurrentStaff staff) {
        this.lists = lists;
        this.staff = staff;
    }

    @GetMapping("/renewals")
    ResponseEntity<?> renewals() {
        if (!staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.MANAGERS, Role.CAMUNDA_ADMIN)) {
            return CampaignController.forbidden("仅营销运营岗和管理者可查看存客名单。Only marketing operations and managers see the renewal list.");
        }
        List<Map<String, Object>> rows = lists.renewals(MarketingVariables.today()).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>(r.values());
            row.put("relation", r.relation());
            row.put("accountManager", r.servedBy());
            return row;
        }).toList();
        return ResponseEntity.ok(rows);
    }

    @GetMapping("/chain")
    ResponseEntity<?> chain() {
        if (!staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.MANAGERS, Role.CAMUNDA_ADMIN)) {
            return CampaignController.forbidden("仅营销运营岗和管理者可下载链式拓客名单。Only marketing operations and managers download chain leads.");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chain-leads.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(lists.chainListCsv());
    }
}
