package org.exhunt.sigma;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.sigma.correlation.Correlation;

/**
 * Correlations built on correlations, as a graph: which lie on a cycle, and how deep each one's chain is. Both in
 * time linear in the graph and without recursion, since a hostile rule set may chain thousands of correlations.
 */
final class CorrelationGraph {

    private final List<String> ids;                      // in the order given
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] edges;                         // per correlation: the correlations it names

    CorrelationGraph(Map<String, Correlation> correlations) {
        this.ids = new ArrayList<>(correlations.keySet());
        for (int i = 0; i < ids.size(); i++) index.put(ids.get(i), i);
        this.edges = new int[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            edges[i] = correlations.get(ids.get(i)).refs().stream()
                    .filter(index::containsKey).mapToInt(index::get).distinct().toArray();
        }
    }

    /** The correlations that depend on themselves, directly or through others, in the order given. */
    Set<String> onCycles() {
        int n = ids.size();
        int[] order = new int[n];       // discovery number + 1, 0 when not visited (Tarjan)
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        boolean[] cyclic = new boolean[n];
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] != 0) continue;
            ArrayDeque<int[]> calls = new ArrayDeque<>();   // (node, next edge to follow)
            calls.push(new int[] {root, 0});
            order[root] = low[root] = ++counter;
            stack.push(root);
            onStack[root] = true;
            while (!calls.isEmpty()) {
                int[] call = calls.peek();
                int v = call[0];
                if (call[1] < edges[v].length) {
                    int w = edges[v][call[1]++];
                    if (w == v) cyclic[v] = true;
                    if (order[w] == 0) {
                        order[w] = low[w] = ++counter;
                        stack.push(w);
                        onStack[w] = true;
                        calls.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                calls.pop();
                if (!calls.isEmpty()) low[calls.peek()[0]] = Math.min(low[calls.peek()[0]], low[v]);
                if (low[v] == order[v]) {   // v roots a component: a cycle when it holds more than v
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    if (component.size() > 1) component.forEach(c -> cyclic[c] = true);
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            if (cyclic[i]) out.add(ids.get(i));
        }
        return out;
    }

    /**
     * How many correlations deep each one is built (1: on rules only), for a graph without cycles; the longest
     * path, found by taking correlations once all those they name are taken.
     */
    Map<String, Integer> depths() {
        int n = ids.size();
        int[] waiting = new int[n];                 // correlations named and not yet taken
        List<List<Integer>> namedBy = new ArrayList<>();
        for (int i = 0; i < n; i++) namedBy.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            waiting[i] = edges[i].length;
            for (int w : edges[i]) namedBy.get(w).add(i);
        }
        int[] depth = new int[n];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                depth[i] = 1;
                ready.add(i);
            }
        }
        while (!ready.isEmpty()) {
            int w = ready.poll();
            for (int v : namedBy.get(w)) {
                depth[v] = Math.max(depth[v], depth[w] + 1);
                if (--waiting[v] == 0) ready.add(v);
            }
        }
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < n; i++) out.put(ids.get(i), depth[i]);
        return out;
    }
}
