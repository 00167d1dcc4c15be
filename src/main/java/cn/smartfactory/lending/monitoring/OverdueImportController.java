package cn.smartfactory.lending.monitoring;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;

/** Central operations upload the daily overdue list (CSV or xlsx); the answer lists refused rows. */
@RestController
@RequestMapping("/api/overdue-imports")
class OverdueImportController {

    private final OverdueImport overdueImport;
    private final CurrentStaff staff;

    OverdueImportController(OverdueImport overdueImport, CurrentStaff staff) {
        this.overdueImport = overdueImport;
        this.staff = staff;
    }

    @PostMapping
    ResponseEntity<?> upload(@RequestParam("file") MultipartFile file) throws IOException {
        if (!staff.inAnyOf(Role.CENTRAL_OPERATIONS, Role.CAMUNDA_ADMIN)) {
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
