package org.exhunt.hunt;

import java.util.HashMap;
import java.util.Map;
import org.exhunt.hunt.rules.RulePack;

/**
 * Rule packs for tests: the given files plus the bundled knowledge base, standard-install baseline and response
 * steps, which every hunt needs.
 */
public final class TestPacks {

    private TestPacks() {}

    public static RulePack withKnowledgeBase(Map<String, String> files) {
        Map<String, String> all = new HashMap<>(files);
        RulePack bundled = RulePack.bundled();
        for (String kb : bundled.list("kb/")) all.put(kb, bundled.text(kb));
        for (String baseline : bundled.list("baseline/")) all.putIfAbsent(baseline, bundled.text(baseline));
        for (String steps : bundled.list("response/")) all.putIfAbsent(steps, bundled.text(steps));
        return RulePack.of(all);
    }
}
