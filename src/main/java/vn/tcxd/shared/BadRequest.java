package vn.tcxd.shared;

/**
 * A request parameter outside what the request may ask for (a page beyond the last one anyone may read):
 * the API answers 400 naming the parameter; pages clamp instead.
 */
public final class BadRequest extends RuleViolation {

    private BadRequest(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    public static BadRequest onField(String field, String messageKey, Object... args) {
        return new BadRequest(field, messageKey, args);
    }
}
