package vn.tcxd.members.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tcxd.members.MemberImport;
import vn.tcxd.members.MemberImportOutcome;
import vn.tcxd.members.MemberImportRowError;
import vn.tcxd.shared.scope.CurrentAccess;

import java.io.IOException;
import java.util.List;

/**
 * JSON API of the member import: the same checks and all-or-nothing write as the page, run
 * synchronously; 422 with every row error when nothing was written.
 */
@RestController
@RequestMapping("/api/v1/members/import")
@Tag(name = "Nhập đảng viên", description = "Excel/CSV import of members, all or nothing")
@PreAuthorize("hasAuthority('WRITE')")
class MemberImportApiController {

    private final MemberImport imports;
    private final CurrentAccess access;
    private final MessageSource messages;

    MemberImportApiController(MemberImport imports, CurrentAccess access, MessageSource messages) {
        this.imports = imports;
        this.access = access;
        this.messages = messages;
    }

    /** A row problem as the API shows it (message in Vietnamese, as in the error report). */
    record RowError(int row, String column, String message) {

        static RowError of(MemberImportRowError error) {
            return new RowError(error.row(), error.column(), error.message());
        }
    }

    /** The import's result: {@code imported} members written, or the reasons nothing was. */
    record ImportResponse(int rows, int imported, String message, List<Integer> badRows, List<RowError> errors) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import members from the template (xlsx or csv); 422 with row errors when nothing was written")
    ResponseEntity<ImportResponse> upload(@RequestParam("file") MultipartFile file) throws IOException {
        MemberImportOutcome outcome = file.getSize() > MemberImport.MAX_BYTES
                ? new MemberImportOutcome(0, 0, "error.memberImport.tooLarge",
                List.of(MemberImport.MAX_BYTES / (1024 * 1024)), List.of())
                : imports.run(file.getOriginalFilename(), file.getBytes(), access.scope());
        String message = outcome.fileError() != null
                ? messages.getMessage(outcome.fileError(), outcome.fileErrorArgs().toArray(), LocaleContextHolder.getLocale())
                : outcome.succeeded()
                ? messages.getMessage("memberImport.done", new Object[] {outcome.imported(), outcome.rows()},
                LocaleContextHolder.getLocale())
                : messages.getMessage("memberImport.failed", new Object[] {outcome.badRows().size(), outcome.errors().size()},
                LocaleContextHolder.getLocale());
        ImportResponse body = new ImportResponse(outcome.rows(), outcome.imported(), message, outcome.badRows(),
                outcome.errors().stream().map(RowError::of).toList());
        return ResponseEntity.status(outcome.succeeded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    @GetMapping(value = "/template.xlsx")
    @Operation(summary = "The import template")
    ResponseEntity<byte[]> template() {
        return MemberImportPageController.download(imports.template(), "mau-nhap-dang-vien.xlsx");
    }
}
