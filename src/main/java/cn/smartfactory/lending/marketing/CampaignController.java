package cn.smartfactory.lending.marketing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;

/**
 * Campaigns for marketing operations: create one with its first name list, add lists, read the
 * figures, download the results. Managers read figures and results; an account manager reads the
 * campaign's figures with only their own line and exports only their own leads; everyone else is
 * refused (403) and nothing changes.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    /** The start form's fields, as multipart parts (name may also be sent as campaignName). */
    private static final List<String> FORM_FIELDS = List.of("objective", "targetSegment", "strategy", "channel", "listSource",
            "startDate", "endDate", "conversionTarget", "maxAttempts");

    private final CampaignService campaigns;
    private final MarketingStore store;
    private final CampaignFigures figures;
    private final CampaignExport export;
    private final CurrentStaff staff;
    private final IdentityService identity;

    CampaignController(CampaignService campaigns, MarketingStore store, CampaignFigures figures, CampaignExport export,
                       CurrentStaff staff, IdentityService identity) {
        this.campaigns = campaigns;
        this.store = store;
        this.figures = figures;
        this.export = export;
        this.staff = staff;
        this.identity = identity;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> create(@RequestParam Map<String, String> parts, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (!staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.CAMUNDA_ADMIN)) {
            return forbidden("仅营销运营岗可建立营销活动。Only marketing operations create campaigns.");
        }
        Map<String, Object> form = new LinkedHashMap<>();
        String name = parts.getOrDefault("name", parts.get("campaignName"));
        if (name != null) {
            form.put(MarketingVariables.CAMPAIGN_NAME, name);
        }
        for (String field : FORM_FIELDS) {
            String value = parts.get(field);
            if (value != null) {
                form.put(field, number(field, value));
            }
        }
        form.putIfAbsent(MarketingVariables.LIST_SOURCE, "NAME_LIST");
        form.putIfAbsent(MarketingVariables.MAX_ATTEMPTS, 3L);
        String caller = userId();
        try {
            var started = staff.asPlatform(() -> campaigns.start(form, caller, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : bytes(file)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("campaignId", started.campaignId());
            body.put("list", started.list());
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        } catch (RuntimeException e) {
            return refused(e);
        }
    }

    @PostMapping(path = "/{campaignId}/leads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> addList(@PathVariable String campaignId, @RequestParam("file") MultipartFile file) throws IOException {
        if (!staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.CAMUNDA_ADMIN)) {
            return forbidden("仅营销运营岗可追加名单。Only marketing operations add name lists.");
        }
        String caller = userId();
        byte[] content = file.getBytes();
        try {
            return ResponseEntity.ok(staff.asPlatform(() -> campaigns.addList(campaignId, file.getOriginalFilename(), content, caller)));
        } catch (CampaignService.CampaignNotFound e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND", "message", e.getMessage()));
        } catch (RuntimeException e) {
            return refused(e);
        }
    }

    @GetMapping("/{campaignId}")
    ResponseEntity<?> figures(@PathVariable String campaignId) {
        boolean full = staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.MANAGERS, Role.CAMUNDA_ADMIN);
        boolean accountManager = staff.inAnyOf(Role.ACCOUNT_MANAGERS);
        if (!full && !accountManager) {
            return forbidden("仅营销运营岗、管理者和客户经理可查看营销活动。Only marketing operations, managers and account managers see campaigns.");
        }
        var campaign = store.campaign(campaignId);
        if (campaign.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND",
                    "message", new CampaignService.CampaignNotFound(campaignId).getMessage()));
        }
        String me = userId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign", campaign.get());
        body.put("figures", view(figures.campaign(campaignId)));
        body.put("byAccountManager", figures.byAccountManager(campaignId).stream()
                .filter(f -> full || f.group().equals(me)).map(CampaignController::view).toList());
        if (full) {
            body.put("bySegment", figures.bySegment(campaignId).stream().map(CampaignController::view).toList());
        }
        return ResponseEntity.ok(body);
    }

    @GetMapping("/{campaignId}/export")
    ResponseEntity<?> export(@PathVariable String campaignId) {
        boolean full = staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.MANAGERS, Role.CAMUNDA_ADMIN);
        boolean accountManager = staff.inAnyOf(Role.ACCOUNT_MANAGERS);
        boolean masked = staff.inAnyOf(Role.RISK_MANAGERS);
        if (!full && !accountManager && !masked) {
            return forbidden("无权导出营销结果。You may not export campaign results.");
        }
        if (store.campaign(campaignId).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND",
                    "message", new CampaignService.CampaignNotFound(campaignId).getMessage()));
        }
        CampaignExport.Audience audience = full ? CampaignExport.Audience.ALL
                : accountManager ? CampaignExport.Audience.OWN_LEADS : CampaignExport.Audience.MASKED;
        byte[] workbook = export.workbook(campaignId, audience, userId());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-" + campaignId + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook);
    }

    static Map<String, Object> view(CampaignFigures.Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", f.group());
        m.put("leads", f.leads());
        m.put("contacted", f.contacted());
        m.put("reached", f.reached());
        m.put("interested", f.interested());
        m.put("applications", f.applications());
        m.put("approved", f.approved());
        m.put("disbursed", f.disbursed());
        m.put("disbursedAmount", f.disbursedAmount());
        m.put("coverage", f.coverage());
        m.put("reach", f.reach());
        m.put("conversion", f.conversion());
        m.put("points", f.points());
        return m;
    }

    private static Object number(String field, String value) {
        if (("conversionTarget".equals(field) || "maxAttempts".equals(field)) && value.trim().matches("-?\\d{1,9}")) {
            return Long.parseLong(value.trim());
        }
        return value;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String userId() {
        var auth = identity.getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }

    static ResponseEntity<Map<String, Object>> forbidden(String message) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN", "message", message));
    }

    /** Bad input (a form rule, a list that is not a list): 400 with the refusal's own words. */
    static ResponseEntity<Map<String, Object>> refused(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadUserRequestException || t instanceof IllegalArgumentException) {
                return ResponseEntity.badRequest().body(Map.of("error", "REFUSED", "message", t.getMessage()));
            }
        }
        throw e;
    }
}
