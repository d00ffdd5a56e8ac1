package org.exhunt.hunt.mitigation;

import org.exhunt.core.SourceRef;

/**
 * The Extended Protection setting of one location: {@code tokenChecking} of {@code windowsAuthentication}'s
 * {@code extendedProtection} ({@code None}, {@code Allow} or {@code Require}).
 */
public record ExtendedProtectionSetting(String location, String tokenChecking, SourceRef where) {}
