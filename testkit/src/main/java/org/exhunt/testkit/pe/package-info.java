/**
 * Writers of Windows PE files with a version resource ({@code VS_VERSIONINFO}), for the tests of exhunt's PE
 * version reader and for the {@code ExSetup.exe} of the example images. The files are minimal but valid: a DOS
 * header, a PE32 or PE32+ header and one {@code .rsrc} section, as the PE/COFF specification lays them out.
 */
package org.exhunt.testkit.pe;
