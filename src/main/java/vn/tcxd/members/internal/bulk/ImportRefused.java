package vn.tcxd.members.internal.bulk;

/** The whole file is refused before any row is read or written; the key and arguments say why, in Vietnamese. */
final class ImportRefused extends RuntimeException {

    final String messageKey;
    final transient Object[] args;

    ImportRefused(String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.args = args;
    }
}
