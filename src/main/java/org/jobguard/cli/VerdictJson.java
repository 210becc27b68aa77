package org.jobguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobguard.checker.Contribution;
import org.jobguard.checker.Indicator;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.Verdict;

/**
 * The JSON form of a verdict: the command-line contract of DESIGN.md section 7, also served by
 * {@code POST /api/check}. Fields are only ever added, never renamed.
 */
public final class VerdictJson {
    private final ObjectMapper mapper;

    public VerdictJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode toJson(Verdict v, Object id) {
        ObjectNode o = mapper.createObjectNode();
        if (id != null) {
            o.set("id", mapper.valueToTree(id));
        }
        o.put("risk", v.risk().id());
        o.put("score", v.score());
        o.put("probability", Math.round(v.probability() * 1000) / 1000.0);
        o.put("language", v.language().tag());
        o.put("kind", v.kind().id());
        ArrayNode flags = o.putArray("flags");
        for (RedFlag f : v.flags()) {
            ObjectNode fo = flags.addObject();
            fo.put("rule", f.ruleId());
            fo.put("category", f.category().id());
            fo.put("severity", f.severity().id());
            fo.put("evidence", f.evidence());
            fo.put("start", f.start());
            fo.put("end", f.end());
            fo.put("message_key", v.explanationKey(f));
        }
        ArrayNode indicators = o.putArray("indicators");
        for (Indicator i : v.indicators()) {
            ObjectNode io = indicators.addObject();
            io.put("type", i.type().id());
            io.put("value", i.value());
            io.put("normalized", i.normalized());
            if (!i.detail().isEmpty()) {
                io.put("detail", i.detail());
            }
            io.put("start", i.start());
            io.put("end", i.end());
        }
        ArrayNode why = o.putArray("contributions");
        for (Contribution c : v.contributions()) {
            why.addObject().put("feature", c.feature()).put("weight", Math.round(c.weight() * 1000) / 1000.0);
        }
        ArrayNode advice = o.putArray("advice");
        v.adviceKeys().forEach(advice::add);
        if (v.knownPattern() != null) {
            ObjectNode k = o.putObject("known_pattern");
            k.put("group", v.knownPattern().groupId());
            k.put("confirmed", v.knownPattern().confirmedCount());
            k.put("similarity", Math.round(v.knownPattern().similarity() * 1000) / 1000.0);
        }
        return o;
    }

    public ObjectNode error(Object id, String message) {
        ObjectNode o = mapper.createObjectNode();
        o.set("id", id == null ? mapper.nullNode() : mapper.valueToTree(id));
        o.put("error", message);
        return o;
    }
}
