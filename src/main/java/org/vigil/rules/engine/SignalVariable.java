package org.vigil.rules.engine;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;

/** The CEL variables declared for rule conditions, one per component of {@link Signals}. */
enum SignalVariable {
    KIND("kind", SimpleType.STRING),
    REASON("reason", SimpleType.STRING),
    SOURCE("source", SimpleType.STRING),
    SCORES("scores", MapType.create(SimpleType.STRING, SimpleType.DOUBLE)),
    REPORT_COUNT("report_count", SimpleType.INT),
    DISTINCT_REPORTERS("distinct_reporters", SimpleType.INT),
    SUBJECT_TYPE("subject_type", SimpleType.STRING),
    VIEWS_24H("views_24h", SimpleType.INT),
    FOLLOWERS("followers", SimpleType.INT),
    ACCOUNT_STRIKES("account_strikes", SimpleType.INT),
    LOCALE("locale", SimpleType.STRING),
    INQUIRY_CATEGORY("inquiry_category", SimpleType.STRING),
    TAGS("tags", ListType.create(SimpleType.STRING)),
    PRIORITY("priority", SimpleType.INT);

    private final String celName;
    private final CelType celType;

    SignalVariable(String celName, CelType celType) {
        this.celName = celName;
        this.celType = celType;
    }

    String celName() {
        return celName;
    }

    CelType celType() {
        return celType;
    }
}
