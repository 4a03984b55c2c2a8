package vn.tcxd.shared;

import java.util.Arrays;

/**
 * A request breaks a rule of the domain or of input validation. Carries a message key (resolved in
 * Vietnamese or English by the web layer) and its arguments; the web layer answers 400/409/422
 * and nothing has been written, because the transaction rolls back.
 */
public class RuleViolation extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;
    private final String field;

    public RuleViolation(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    protected RuleViolation(String field, String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** A violation that belongs to one form field. */
    public static RuleViolation onField(String field, String messageKey, Object... args) {
        return new RuleViolation(field, messageKey, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public String field() {
        return field;
    }
}
