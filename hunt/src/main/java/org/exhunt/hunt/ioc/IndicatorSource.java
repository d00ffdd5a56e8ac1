package org.exhunt.hunt.ioc;

import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;

/**
 * What an indicator stands for and where it was published.
 *
 * @param ruleId    the finding's rule id: {@code exhunt.ioc.<list>} for a CSV list, the STIX indicator's id
 * @param name      what the indicator is, for people ("SecChecker web shell")
 * @param campaign  the intrusion set or campaign it was published for, or empty
 * @param chain     the attack chain (verdict row) it is evidence of, or null when the list does not say
 * @param stage     the stage its findings state, or null for the one the detector gives a finding of its kind
 * @param reference who published it
 * @param origin    the line or object it was read from
 */
public record IndicatorSource(String ruleId, String name, String campaign, String chain, Stage stage,
                              String reference, SourceRef origin) {}
