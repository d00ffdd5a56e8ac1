package org.exhunt.core.facts;

import java.io.Serializable;

/**
 * One build to install, as the knowledge base's build table names it.
 *
 * @param update   {@code CU23 Aug26SU}
 * @param build    {@code 15.1.2507.72}
 * @param kb       the Microsoft KB article, or empty
 * @param released {@code 2026-08-11}, or {@code 2021-03} when only the month is known
 */
public record UpdateStep(String update, String build, String kb, String released) implements Serializable {}
