package vn.tcxd.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * A message argument that is itself a message key, e.g. a unit type's label, so error messages
 * are translated whole.
 */
public record Label(String code) implements MessageSourceResolvable {

    public static Label of(Enum<?> value) {
        return new Label(value.getDeclaringClass().getSimpleName().substring(0, 1).toLowerCase()
                + value.getDeclaringClass().getSimpleName().substring(1) + "." + value.name());
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }
}
