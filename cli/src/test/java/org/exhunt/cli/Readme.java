package org.exhunt.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** The README as GitHub renders it: CommonMark with GFM tables, parsed by commonmark-java. */
final class Readme {

    private final String text;
    private final Node document;

    Readme(String text) {
        this.text = text;
        this.document = Parser.builder().extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS).build().parse(text);
    }

    /** Each table's source lines, as the parser took them: every line it made a row of. */
    List<List<String>> tables() {
        List<List<String>> tables = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (!(block instanceof TableBlock)) return;
                List<String> rows = new ArrayList<>();
                for (SourceSpan span : block.getSourceSpans()) rows.add(lines[span.getLineIndex()]);
                tables.add(rows);
            }
        });
        return tables;
    }

    /** GFM's cells of a table line: split at each pipe not escaped with a backslash, outer pipes dropped. */
    static int cells(String row) {
        String line = row.strip();
        if (line.startsWith("|")) line = line.substring(1);
        if (line.endsWith("|") && !line.endsWith("\\|")) line = line.substring(0, line.length() - 1);
        int cells = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') i++;
            else if (line.charAt(i) == '|') cells++;
        }
        return cells;
    }

    /** Every link's destination. */
    List<String> links() {
        List<String> links = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }
        });
        return links;
    }

    /** The anchors GitHub gives the headings: lower case, punctuation but '-' dropped, spaces as '-'. */
    Set<String> anchors() {
        Set<String> anchors = new HashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder title = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        title.append(t.getLiteral());
                    }

                    @Override
                    public void visit(org.commonmark.node.Code c) {
                        title.append(c.getLiteral());
                    }
                });
                anchors.add(title.toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        });
        return anchors;
    }
}
