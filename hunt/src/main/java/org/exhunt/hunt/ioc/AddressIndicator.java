package org.exhunt.hunt.ioc;

import org.exhunt.core.IpRange;

/** A client address or range known to have been used by intruders. */
public record AddressIndicator(IpRange range, IndicatorSource source) {}
