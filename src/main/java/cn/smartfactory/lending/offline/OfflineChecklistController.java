package cn.smartfactory.lending.offline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code GET /api/investigations/{applicationId}/checklist.xlsx} downloads the open investigation's checklist as a
 * workbook (the checklist form links to it); {@code POST /api/investigations/{applicationId}/checklist} with the filled
 * workbook (multipart field {@code file}) completes the investigation, or answers 400 naming each problem's sheet and
 * cell. {@code GET …/checklist/upload} is a page to send it from a browser (which asks for the password: the platform's
 * API never changes anything on a browser session alone).
 */
@RestController
@RequestMapping("/api/investigations/{applicationId}")
class OfflineChecklistController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** A filled checklist is some tens of kilobytes; a workbook far larger is not one. */
    static final long MAX_BYTES = 2 * 1024 * 1024;

    private final OfflineChecklists checklists;

    OfflineChecklistController(OfflineChecklists checklists) {
        this.checklists = checklists;
    }

    @GetMapping("/checklist.xlsx")
    ResponseEntity<byte[]> download(@PathVariable String applicationId) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("checklist-" + applicationId.replaceAll("[^A-Za-z0-9_-]", "_") + ".xlsx").build().toString())
                .body(checklists.download(applicationId));
    }

    @PostMapping(value = "/checklist", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(@PathVariable String applicationId, @RequestParam("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty() || file.getSize() > MAX_BYTES) {
            return ResponseEntity.badRequest().body(Map.of("error", "CHECKLIST_NOT_ACCEPTED", "message",
                    "上传的清单为空或超过 2 MB The uploaded checklist is empty or larger than 2 MB"));
        }
        String taskId = checklists.upload(applicationId, file.getBytes());
        return ResponseEntity.ok(Map.of("completed", taskId, "message", "尽调已提交 Investigation submitted"));
    }

    @GetMapping(value = "/checklist/upload", produces = MediaType.TEXT_HTML_VALUE)
    String uploadPage(@PathVariable String applicationId) {
        checklists.checkAccess(applicationId);
        String id = applicationId.replaceAll("[^A-Za-z0-9_-]", "");
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>上传离线清单 Upload the offline "
                + "checklist</title></head><body><h1>上传离线清单 Upload the offline checklist</h1><p>" + id + "</p>"
                + "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/api/investigations/" + id + "/checklist\">"
                + "<input type=\"file\" name=\"file\" accept=\".xlsx\" required> <button type=\"submit\">上传并提交 Upload and "
                + "submit</button></form><p>提交时浏览器会要求输入用户名和密码 The browser asks for your user name and password "
                + "when you submit.</p></body></html>";
    }

    @ExceptionHandler(OfflineChecklists.Refused.class)
    ResponseEntity<Map<String, Object>> refused(OfflineChecklists.Refused e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", switch (e.status()) {
            case 400 -> "CHECKLIST_NOT_ACCEPTED";
            case 404 -> "NO_OPEN_INVESTIGATION";
            case 409 -> "CONFLICT";
            default -> "FORBIDDEN";
        });
        body.put("message", e.getMessage());
        if (!e.problems().isEmpty()) {
            body.put("problems", e.problems());
        }
        return ResponseEntity.status(HttpStatus.valueOf(e.status())).body(body);
    }
}
