package org.exhunt.yara.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;

/** Groups table cases into JUnit containers by their group name. */
final class RuleTables {

    private RuleTables() {}

    static Stream<DynamicContainer> byGroup(List<RuleCase> cases, Consumer<RuleCase> check) {
        Map<String, List<RuleCase>> groups = new LinkedHashMap<>();
        for (RuleCase c : cases) groups.computeIfAbsent(c.group(), g -> new java.util.ArrayList<>()).add(c);
        return groups.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(),
                e.getValue().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> check.accept(c)))));
    }
}
