package org.exhunt.testkit.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One step a correct scan gives of what to do now (the rule pack's step id), in the expected order: whether it must be
 * there, and what it must name.
 *
 * @param step        the step's id ({@code contain}, {@code remove-files}, {@code install-update})
 * @param required    whether the scan must give it; false: it may (an answer the scenario leaves open)
 * @param subjects    what it must name, whatever the order, or null when not checked
 * @param optional    what it may name besides
 * @param lastSubject what it must name last (the update to end on), or null
 */
public record ExpectedAction(String step, boolean required, List<String> subjects, List<String> optional, String lastSubject) {

    public ExpectedAction {
        subjects = subjects == null ? null : List.copyOf(subjects);
        optional = List.copyOf(optional);
    }

    static ExpectedAction of(String step, boolean required) {
        return new ExpectedAction(step, required, null, List.of(), null);
    }

    void write(ObjectNode o) {
        o.put("step", step);
        o.put("required", required);
        if (subjects == null) {
            o.putNull("subjects");
        } else {
            ArrayNode named = o.putArray("subjects");
            subjects.forEach(named::add);
        }
        ArrayNode opt = o.putArray("optional_subjects");
        optional.forEach(opt::add);
        o.put("last_subject", lastSubject);
    }

    static ExpectedAction read(JsonNode o) {
        List<String> subjects = null;
        if (o.get("subjects") != null && !o.get("subjects").isNull()) {
            subjects = new ArrayList<>();
            for (JsonNode s : o.get("subjects")) subjects.add(s.asText());
        }
        List<String> optional = new ArrayList<>();
        o.path("optional_subjects").forEach(s -> optional.add(s.asText()));
        return new ExpectedAction(o.get("step").asText(), o.get("required").asBoolean(), subjects, optional,
                ExpectedImpact.text(o, "last_subject"));
    }
}
