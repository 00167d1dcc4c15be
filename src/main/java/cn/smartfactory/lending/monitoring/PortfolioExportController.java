package cn.smartfactory.lending.monitoring;

import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;

/** Managers and risk managers download the portfolio workbook. */
@RestController
@RequestMapping("/api/portfolio-export")
class PortfolioExportController {

    private final PortfolioExport export;
    private final CurrentStaff staff;

    PortfolioExportController(PortfolioExport export, CurrentStaff staff) {
        this.export = export;
        this.staff = staff;
    }

    @GetMapping
    ResponseEntity<?> download() {
        if (!staff.inAnyOf(Role.MANAGERS, Role.RISK_MANAGERS, Role.CAMUNDA_ADMIN)) {
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
