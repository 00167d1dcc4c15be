package cn.smartfactory.lending.monitoring;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Central operations upload the daily overdue list (CSV or xlsx); the answer lists refused rows. */
@RestController
@RequestMapping("/api/overdue-imports")
class OverdueImportController {

    static final List<String> ALLOWED_GROUPS = List.of("central-operations", "camunda-admin");

    private final OverdueImport overdueImport;
    private final IdentityService identityService;

    OverdueImportController(OverdueImport overdueImport, IdentityService identityService) {
        this.overdueImport = overdueImport;
        this.identityService = identityService;
    }

    @PostMapping
    ResponseEntity<?> upload(@RequestParam("file") MultipartFile file) throws IOException {
        var auth = identityService.getCurrentAuthentication();
        if (auth == null || auth.getGroupIds() == null || auth.getGroupIds().stream().noneMatch(ALLOWED_GROUPS::contains)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN",
                    "message", "Only central operations import the overdue list 仅集中作业岗可导入逾期清单"));
        }
        try {
            return ResponseEntity.ok(overdueImport.importFile(file.getOriginalFilename(), file.getBytes()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "INVALID_FILE", "message", e.getMessage()));
        }
    }
}
