package org.exhunt.testkit.image;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stand-ins for the pages a standard Exchange install keeps in the OWA and ECP {@code auth} folders, with the structure
 * those pages have (written for exhunt; not Microsoft's files, and each says so): a compiled page
 * ({@code <%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange..." %>}) that imports Exchange's
 * namespaces and renders Exchange's own strings and settings through code blocks ({@code <%= %>} expressions, {@code <%
 * if (...) { %>} branches, {@code Response.Write} of localised strings, helpers such as {@code RenderLogonHref()}),
 * with client script that takes server values in ({@code var a_sUrl = "<%= ... %>"}), {@code document.write} and
 * cookies. None starts a process, loads code, evaluates text, writes a file or reads the request for more than the
 * page's own parameters, as no stock page does. The names are those of the baseline Microsoft publishes for 2016 CU19
 * (CSS-Exchange {@code baseline_15.1.2176.9.csv}) and the spellings CISA and community scripts give (exhunt's
 * {@code rules/baseline/auth-folders.csv}).
 */
public final class StockPages {

    /** Each auth folder (below {@code FrontEnd\HttpProxy}) and the pages a standard install keeps directly in it. */
    public static final Map<String, List<String>> PAGES = Map.of(
            "owa/auth", List.of("errorFE.aspx", "expiredpassword.aspx", "frowny.aspx", "GetIdToken.htm", "logoff.aspx",
                    "logon.aspx", "OutlookCN.aspx", "RedirSuiteServiceProxy.aspx", "signout.aspx", "SvmFeedback.aspx"),
            "ecp/auth", List.of("TimeoutLogout.aspx", "TimeoutLogoff.aspx"));

    private StockPages() {}

    /** A stock-like page of this name (one of {@link #PAGES}). */
    public static byte[] page(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".htm")) return bytes(idTokenPage());
        String page = name.substring(0, name.lastIndexOf('.'));
        String inherits = "Microsoft.Exchange.HttpProxy." + Character.toUpperCase(page.charAt(0)) + page.substring(1);
        String body = switch (lower) {
            case "logon.aspx" -> logonBody();
            case "expiredpassword.aspx" -> passwordBody();
            case "errorfe.aspx", "frowny.aspx" -> errorBody();
            default -> messageBody();
        };
        return bytes("<%@ Page language=\"c#\" AutoEventWireup=\"false\" Inherits=\"" + inherits + "\" %>\r\n"
                + "<%@ Import namespace=\"Microsoft.Exchange.Clients\"%>\r\n"
                + "<%@ Import namespace=\"Microsoft.Exchange.Clients.Owa.Core\"%>\r\n"
                + "<%@ Import namespace=\"Microsoft.Exchange.HttpProxy\"%>\r\n"
                + "<%-- exhunt test kit: stands in for Exchange's own " + name + ", with its structure (not Microsoft's file) --%>\r\n"
                + "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\r\n<html>\r\n<head>\r\n"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; CHARSET=utf-8\">\r\n"
                + "<meta name=\"Robots\" content=\"NOINDEX, NOFOLLOW\">\r\n"
                + "<title><%=PageTitle %></title>\r\n"
                + "<link rel=\"shortcut icon\" href=\"<%=OwaUrl.AuthFolder.ImplicitUrl%><%ThemeManager.RenderBaseThemeFileUrl(Response.Output, ThemeFileId.FavoriteIcon, false);%>\">\r\n"
                + "<%= InlineCss(ThemeFileId.LogonCss) %>\r\n"
                + body
                + "</html>\r\n");
    }

    /** The logon page: branches on the logon reason, client script fed with server values, the form. */
    private static String logonBody() {
        return """
                <%= InlineJavascript("flogon.js") %>
                <script type="text/javascript">
                    var a_fRC = 1;
                    var a_sUrl = "&url=<%=EncodingUtilities.JavascriptEncode(HttpUtility.UrlEncode(Destination)) %>";
                    var a_sLgn = "<% RenderLogonHref(); %>";
                    var a_fLOff = <%= (Reason == LogonReason.Logoff || Reason == LogonReason.Timeout) ? 1 : 0 %>;
                    function RndMimeCtlHlpr(objid, classid) { document.write("<OBJECT id='" + objid + "' classid='CLSID:" + classid + "'></OBJECT>"); }
                    if (window.navigator.userAgent.indexOf("MSIE") > 0) { document.cookie = "<%=LoadFailedCookieName %>=" + escape("<%=LoadFailedMessageValue %>"); }
                </script>
                </head>
                <body class="signInBg<%=IsRtl ? " rtl" : ""%>">
                <form action="/owa/auth.owa" method="POST" name="logonForm" autocomplete="off">
                <input type="hidden" name="destination" value="<%=EncodingUtilities.HtmlEncode(Destination)%>">
                <input type="hidden" name="flags" value="4">
                <% if (IsEcpDestination) { %>
                    <div class="signInTextHeader" role="heading"><%=SignInHeader%></div>
                <% } else { %>
                    <div class="signInImageHeader" role="heading" aria-label="<%=SignInHeader%>"><img src="<%=InlineImage(ThemeFileId.OwaHeaderTextBlue)%>" alt=""></div>
                <% } %>
                <div class="signInInputLabel" id="userNameLabel"><%=UserNameLabel%></div>
                <div><input id="username" name="username" class="signInInputText"/></div>
                <div class="signInInputLabel" id="passwordLabel"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.PasswordColon) %></div>
                <div><input id="password" name="password" type="password" class="signInInputText"/></div>
                <% if (ShowPublicPrivateSelection) { %>
                <div class="signInCheckBoxText"><input id="chkPrvt" name="trusted" value="4" type="checkbox" checked>
                    <span id="privateLabel"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.ThisIsAPrivateComputer)%></span></div>
                <% } %>
                <div id="expltxt" class="signInExpl" role="alert">
                    <%if (Reason == LogonReason.Logoff)
                        Response.Write(LocalizedStrings.GetHtmlEncoded(Strings.IDs.LogoffMessage));
                      else if (Reason == LogonReason.Timeout)
                        Response.Write(LocalizedStrings.GetHtmlEncoded(Strings.IDs.TimeoutMessage));%>
                </div>
                <div onclick="clkLgn()" class="signinbutton" role="button"><span class="signinTxt"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.LogOn)%></span></div>
                </form>
                </body>
                """.replace("\n", "\r\n");
    }

    /** The expired-password page: a form posting the old and new password to the page itself. */
    private static String passwordBody() {
        return """
                </head>
                <body class="signInBg">
                <form action="<%=EncodingUtilities.HtmlEncode(Request.Path)%>" method="POST" name="changePasswordForm" autocomplete="off">
                <input type="hidden" name="destination" value="<%=EncodingUtilities.HtmlEncode(Destination)%>">
                <div class="signInHeader"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.ChangePassword)%></div>
                <% if (ShowError) { %><div class="signInError" role="alert"><%=ErrorMessage%></div><% } %>
                <div><input id="oldPwd" name="oldPwd" type="password"/> <input id="newPwd1" name="newPwd1" type="password"/></div>
                <input type="submit" value="<%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.Submit)%>">
                </form>
                </body>
                """.replace("\n", "\r\n");
    }

    /** The error pages: the error's details, rendered through Exchange's helpers when they may be shown. */
    private static String errorBody() {
        return """
                </head>
                <body class="owaLgnBdy">
                <div class="errorHeader"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.ErrorTitle)%></div>
                <div class="errorDetails"><%=ErrorInformation.MessageHtml%></div>
                <% if (ShowDebugInformation) { %>
                <div id="errDbg"><% RenderDebugInformation(); %></div>
                <% } %>
                <a href="<%=EncodingUtilities.HtmlEncode(ReturnUrl)%>"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.TryAgain)%></a>
                </body>
                """.replace("\n", "\r\n");
    }

    /** The sign-out, timeout and redirect pages: a message and a script that moves on. */
    private static String messageBody() {
        return """
                <script type="text/javascript">
                    var g_sUrl = "<%=EncodingUtilities.JavascriptEncode(RedirectUrl) %>";
                    function go() { window.location.href = g_sUrl; }
                </script>
                </head>
                <body class="signInBg" onload="setTimeout(go, 1000)">
                <div class="signInHeader"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.SignOutHeader)%></div>
                <div class="signInExpl"><% Response.Write(LocalizedStrings.GetHtmlEncoded(Strings.IDs.CloseWindowMessage)); %></div>
                </body>
                """.replace("\n", "\r\n");
    }

    /** GetIdToken.htm: a static page whose script hands the token in the fragment back to the opener. */
    private static String idTokenPage() {
        return """
                <!DOCTYPE html>
                <!-- exhunt test kit: stands in for Exchange's own GetIdToken.htm, with its structure (not Microsoft's file) -->
                <html><head><meta http-equiv="X-UA-Compatible" content="IE=edge"><title></title>
                <script type="text/javascript">
                    var hash = window.location.hash.substring(1);
                    if (window.opener) { window.opener.postMessage(hash, window.location.origin); window.close(); }
                </script>
                </head><body></body></html>
                """.replace("\n", "\r\n");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
