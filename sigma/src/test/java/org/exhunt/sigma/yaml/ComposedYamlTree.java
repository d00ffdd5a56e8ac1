package org.exhunt.sigma.yaml;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The oracle for {@link YamlTree}: how rule files were read before it bounded the composer's nesting, the YAML
 * library's own composition of whole documents, then the same tree. The composition recurses once per level, so
 * it is only given documents nested a few hundred levels at most.
 */
final class ComposedYamlTree {

    private ComposedYamlTree() {}

    static List<YNode> parseAll(String text) throws YamlProblem {
        List<YNode> docs = new ArrayList<>();
        try {
            for (Node node : new Compose(YamlTree.SETTINGS).composeAllFromString(text)) {
                if (node != null) docs.add(YamlTree.tree(node));
            }
        } catch (YamlEngineException e) {
            throw YamlTree.problem(e);
        }
        return docs;
    }
}
