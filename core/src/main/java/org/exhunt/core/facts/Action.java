package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.List;

/**
 * One step of what to do now on a server, derived from its verdicts and its {@link Impact} by the response steps of
 * the rule pack ({@code rules/response/steps.csv}): what to do, on exactly which files, accounts, builds or
 * mailboxes, why, and whose guidance it follows.
 *
 * @param order       its place among the server's steps, from 1
 * @param step        the step's id in the rule pack ({@code contain}, {@code remove-files}, {@code install-update})
 * @param text        what to do, in words, naming its subjects
 * @param subjectKind what {@code subjects} are: {@code files}, {@code accounts}, {@code builds}, {@code mailboxes},
 *                    {@code addresses}, {@code rows}; null when the step names none
 * @param subjects    the exact subjects, in the order the text names them
 * @param why         what in the verdicts or the impact calls for it
 * @param sources     the guidance it follows (Microsoft's, CISA's), as URLs
 */
public record Action(int order, String step, String text, String subjectKind, List<String> subjects, String why,
                     List<String> sources) implements Serializable {

    public Action {
        subjects = List.copyOf(subjects);
        sources = List.copyOf(sources);
    }
}
