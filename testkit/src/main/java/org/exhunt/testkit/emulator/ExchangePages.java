package org.exhunt.testkit.emulator;

/**
 * The bodies an emulated Exchange serves, shaped like the real ones where the probe looks: the logon page's title
 * and the asset links into its version folder, the export tool's ClickOnce manifest.
 */
final class ExchangePages {

    private ExchangePages() {}

    /** The OWA logon page; 2013 and later link assets under {@code /owa/auth/<CU build>/}. */
    static String logon(String build) {
        String cu = build.substring(0, build.lastIndexOf('.'));
        return "<!DOCTYPE html>\n<html><head>\n<meta http-equiv=\"X-UA-Compatible\" content=\"IE=10\" />\n"
                + "<link rel=\"shortcut icon\" href=\"/owa/auth/" + cu + "/themes/resources/favicon.ico\" type=\"image/x-icon\">\n"
                + "<title>Outlook</title>\n"
                + "<link type=\"text/css\" rel=\"stylesheet\" href=\"/owa/auth/" + cu + "/themes/resources/owafont_en.css\">\n"
                + "<script type=\"text/javascript\" src=\"/owa/auth/" + cu + "/scripts/premium/flogon.js\"></script>\n"
                + "</head><body class=\"signInBg\"><form action=\"/owa/auth.owa\" method=\"POST\" name=\"logonForm\">"
                + "<input id=\"username\" name=\"username\" type=\"text\"><input id=\"password\" name=\"password\" type=\"password\">"
                + "</form></body></html>\n";
    }

    static String exportToolManifest(String build) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<asmv1:assembly xsi:schemaLocation=\"urn:schemas-microsoft-com:asm.v1 assembly.adaptive.xsd\" manifestVersion=\"1.0\""
                + " xmlns:asmv1=\"urn:schemas-microsoft-com:asm.v1\" xmlns=\"urn:schemas-microsoft-com:asm.v2\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "  <assemblyIdentity name=\"microsoft.exchange.ediscovery.exporttool.application\" version=\"" + build
                + "\" publicKeyToken=\"b03f5f7f11d50a3a\" language=\"neutral\" processorArchitecture=\"msil\" xmlns=\"urn:schemas-microsoft-com:asm.v1\" />\n"
                + "  <description asmv2:publisher=\"Microsoft Corporation\" asmv2:product=\"Microsoft Exchange\" xmlns=\"urn:schemas-microsoft-com:asm.v1\" />\n"
                + "</asmv1:assembly>\n";
    }

    static String intranet() {
        return "<!DOCTYPE html><html><head><title>Contoso intranet</title></head><body><h1>Welcome</h1></body></html>\n";
    }
}
