package io.monago.atrium.gateway.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every variable a rule's condition may read, with its CEL type. A name outside this list, or a
 * value used as the wrong type, is a load error. {@code docs/policy.md} documents each one.
 */
public final class RuleVariables {

    private static final CelType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.STRING);
    private static final CelType STRINGS = ListType.create(SimpleType.STRING);

    /** The declarations; immutable. */
    private static final Map<String, CelType> TYPES = declarations();

    private RuleVariables() {}

    private static Map<String, CelType> declarations() {
        Map<String, CelType> m = new LinkedHashMap<>();
        m.put("request.model", SimpleType.STRING);
        m.put("request.messages", ListType.create(STRING_MAP));
        m.put("request.text", STRING_MAP);
        m.put("request.user", SimpleType.STRING);
        m.put("request.metadata", STRING_MAP);
        m.put("request.stream", SimpleType.BOOL);
        m.put("request.tools", STRINGS);
        m.put("request.max_tokens", SimpleType.INT);
        m.put("key.id", SimpleType.STRING);
        m.put("key.name", SimpleType.STRING);
        m.put("key.labels", STRING_MAP);
        m.put("key.admin", SimpleType.BOOL);
        m.put("workspace.id", SimpleType.STRING);
        m.put("pii.types", STRINGS);
        m.put("pii.count", MapType.create(SimpleType.STRING, SimpleType.INT));
        m.put("pii.total", SimpleType.INT);
        m.put("pii.confidence", MapType.create(SimpleType.STRING, SimpleType.DOUBLE));
        m.put("security.incidents", STRINGS);
        m.put("security.scores", MapType.create(SimpleType.STRING, SimpleType.DOUBLE));
        m.put("time.now", SimpleType.TIMESTAMP);
        m.put("time.hour", SimpleType.INT);
        m.put("time.minute", SimpleType.INT);
        m.put("time.weekday", SimpleType.INT);
        m.put("time.date", SimpleType.STRING);
        m.put("time.zone", SimpleType.STRING);
        for (String who : new String[] {"key", "workspace"}) {
            m.put("usage." + who + ".tokens_today", SimpleType.INT);
            m.put("usage." + who + ".tokens_month", SimpleType.INT);
            m.put("usage." + who + ".idr_today", SimpleType.DOUBLE);
            m.put("usage." + who + ".idr_month", SimpleType.DOUBLE);
        }
        return Map.copyOf(m);
    }

    /** {@return every variable's name and CEL type} */
    public static Map<String, CelType> types() {
        return TYPES;
    }
}
