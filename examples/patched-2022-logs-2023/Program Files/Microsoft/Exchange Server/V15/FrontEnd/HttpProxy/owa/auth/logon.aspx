<%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.Logon" %>
<%@ Import namespace="Microsoft.Exchange.Clients"%>
<%@ Import namespace="Microsoft.Exchange.Clients.Owa.Core"%>
<%@ Import namespace="Microsoft.Exchange.HttpProxy"%>
<%-- exhunt test kit: stands in for Exchange's own logon.aspx, with its structure (not Microsoft's file) --%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; CHARSET=utf-8">
<meta name="Robots" content="NOINDEX, NOFOLLOW">
<title><%=PageTitle %></title>
<link rel="shortcut icon" href="<%=OwaUrl.AuthFolder.ImplicitUrl%><%ThemeManager.RenderBaseThemeFileUrl(Response.Output, ThemeFileId.FavoriteIcon, false);%>">
<%= InlineCss(ThemeFileId.LogonCss) %>
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
</html>
