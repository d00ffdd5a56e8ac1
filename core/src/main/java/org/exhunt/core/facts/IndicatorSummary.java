package org.exhunt.core.facts;

import java.io.Serializable;

/**
 * The indicator lists a scan matched against.
 *
 * @param bundledLists            how many lists the rule pack bundles
 * @param bundled                 what they hold
 * @param userFiles               how many indicator files the user gave ({@code --ioc})
 * @param all                     what the pack's and the user's hold together
 * @param userDigestsWithoutSize  the user's digest indicators that give no file size (matched only against the files
 *                                exhunt reads anyway)
 */
public record IndicatorSummary(int bundledLists, IndicatorCounts bundled, int userFiles, IndicatorCounts all,
                               long userDigestsWithoutSize) implements Serializable {}
