package vn.tcxd.members.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.tcxd.members.MemberImport;
import vn.tcxd.members.MemberImportStatus;
import vn.tcxd.shared.NotFound;
import vn.tcxd.shared.scope.CurrentAccess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The import page (authority WRITE): template download, upload, progress polled with htmx (a
 * refresh link without JavaScript), then the counts or the error report.
 */
@Controller
@RequestMapping("/members/import")
@PreAuthorize("hasAuthority('WRITE')")
class MemberImportPageController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MemberImport imports;
    private final CurrentAccess access;

    MemberImportPageController(MemberImport imports, CurrentAccess access) {
        this.imports = imports;
        this.access = access;
    }

    @GetMapping
    String page(Model model) {
        return form(model, null);
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return download(imports.template(), "mau-nhap-dang-vien.xlsx");
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            return form(model, "error.memberImport.empty");
        }
        if (file.getSize() > MemberImport.MAX_BYTES) {
            return form(model, "error.memberImport.uploadTooLarge");
        }
        MemberImportStatus started = imports.start(file.getOriginalFilename(), file.getBytes(), access.scope());
        return "redirect:/members/import/" + started.id();
    }

    @GetMapping("/{jobId}")
    String status(@PathVariable String jobId, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model) {
        MemberImportStatus status = imports.status(jobId, access.scope().username())
                .orElseThrow(() -> new NotFound("import " + jobId));
        model.addAttribute("job", status);
        model.addAttribute("maxMb", MemberImport.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxRows", MemberImport.MAX_ROWS);
        return htmx != null ? "members/import :: status" : "members/import";
    }

    @GetMapping("/{jobId}/errors.xlsx")
    ResponseEntity<byte[]> errors(@PathVariable String jobId) {
        byte[] report = imports.errorReport(jobId, access.scope().username())
                .orElseThrow(() -> new NotFound("import report " + jobId));
        return download(report, "loi-nhap-dang-vien.xlsx");
    }

    private String form(Model model, String errorKey) {
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("maxMb", MemberImport.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxRows", MemberImport.MAX_ROWS);
        return "members/import";
    }

    static ResponseEntity<byte[]> download(byte[] content, String fileName) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
