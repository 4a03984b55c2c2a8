package vn.tcxd.members.internal.bulk;

/**
 * The columns of the import template, in order. Headers are the Vietnamese texts of the message
 * keys {@code memberImport.column.<key>}; the file is matched by header, not position.
 */
enum ImportColumn {
    FULL_NAME("fullName", true),
    GENDER("gender", true),
    BIRTH_DATE("birthDate", true),
    BIRTH_PLACE("birthPlace", false),
    HOMETOWN("hometown", false),
    ETHNICITY("ethnicity", true),
    RELIGION("religion", true),
    CITIZEN_ID("citizenId", false),
    CARD_NUMBER("cardNumber", false),
    HISTORY_NUMBER("historyNumber", false),
    RESIDENCE("residence", false),
    PHONE("phone", false),
    OCCUPATION("occupation", false),
    EDUCATION("education", false),
    PROFESSIONAL("professional", false),
    THEORY("theory", false),
    ADMISSION_DATE("admissionDate", true),
    CEREMONY_DATE("ceremonyDate", false),
    RECOGNITION_DATE("recognitionDate", false),
    CELL_CODE("cellCode", true),
    DECISION_NUMBER("decisionNumber", true),
    DECISION_BODY("decisionBody", true);

    final String key;
    final boolean required;

    ImportColumn(String key, boolean required) {
        this.key = key;
        this.required = required;
    }

    String messageKey() {
        return "memberImport.column." + key;
    }

    /** The column a rule's field belongs to ({@code step}: 0 admission, 1 ceremony, 2 recognition). */
    static ImportColumn ofField(String field, int step) {
        if (field != null) {
            switch (field) {
                case "fullName", "otherNames" -> {
                    return FULL_NAME;
                }
                case "gender" -> {
                    return GENDER;
                }
                case "birthDate" -> {
                    return BIRTH_DATE;
                }
                case "birthPlace" -> {
                    return BIRTH_PLACE;
                }
                case "hometown" -> {
                    return HOMETOWN;
                }
                case "code.ETHNICITY" -> {
                    return ETHNICITY;
                }
                case "code.RELIGION" -> {
                    return RELIGION;
                }
                case "citizenId" -> {
                    return CITIZEN_ID;
                }
                case "cardNumber" -> {
                    return CARD_NUMBER;
                }
                case "historyNumber" -> {
                    return HISTORY_NUMBER;
                }
                case "residence" -> {
                    return RESIDENCE;
                }
                case "phone" -> {
                    return PHONE;
                }
                case "code.OCCUPATION" -> {
                    return OCCUPATION;
                }
                case "code.EDUCATION" -> {
                    return EDUCATION;
                }
                case "code.PROFESSIONAL" -> {
                    return PROFESSIONAL;
                }
                case "code.THEORY" -> {
                    return THEORY;
                }
                case "cellId" -> {
                    return CELL_CODE;
                }
                case "admittedOn" -> {
                    return ADMISSION_DATE;
                }
                case "heldOn" -> {
                    return CEREMONY_DATE;
                }
                case "decision.number" -> {
                    return DECISION_NUMBER;
                }
                case "decision.issuingBody" -> {
                    return DECISION_BODY;
                }
                default -> {
                }
            }
        }
        return switch (step) {
            case 1 -> CEREMONY_DATE;
            case 2 -> RECOGNITION_DATE;
            default -> ADMISSION_DATE;
        };
    }
}
