package vn.tcxd.members;

/** Where an import job is (labels: message keys {@code memberImport.phase.<NAME>}). */
public enum MemberImportPhase {
    QUEUED, READING, CHECKING, WRITING, DONE;
}
