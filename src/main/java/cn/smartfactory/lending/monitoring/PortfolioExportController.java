package cn.smartfactory.lending.monitoring;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managers and risk managers download the portfolio workbook. */
@RestController
@RequestMapping("/api/portfolio-export")
class PortfolioExportController {

    static final List<String> ALLOWED_GROUPS = List.of("managers", "risk-managers", "camunda-admin");

    private final PortfolioExport export;
    private final IdentityService identityService;

    PortfolioExportController(PortfolioExport export, IdentityService identityService) {
        this.export = export;
        this.identityService = identityService;
    }

    @GetMapping
    ResponseEntity<?> download() {
        var auth = identityService.getCurrentAuthentication();
        if (auth == null || auth.getGroupIds() == null || auth.getGroupIds().stream().noneMatch(ALLOWED_GROUPS::contains)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN",
                    "message", "Only managers and risk managers export the portfolio 仅管理者和风险管理可导出"));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("portfolio.xlsx").build()
                        .toString())
                .body(export.export());
    }
}
