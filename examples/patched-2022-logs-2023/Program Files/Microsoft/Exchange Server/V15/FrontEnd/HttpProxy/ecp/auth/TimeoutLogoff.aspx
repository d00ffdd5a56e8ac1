<%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.TimeoutLogoff" %>
<%@ Import namespace="Microsoft.Exchange.Clients"%>
<%@ Import namespace="Microsoft.Exchange.Clients.Owa.Core"%>
<%@ Import namespace="Microsoft.Exchange.HttpProxy"%>
<%-- exhunt test kit: stands in for Exchange's own TimeoutLogoff.aspx, with its structure (not Microsoft's file) --%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; CHARSET=utf-8">
<meta name="Robots" content="NOINDEX, NOFOLLOW">
<title><%=PageTitle %></title>
<link rel="shortcut icon" href="<%=OwaUrl.AuthFolder.ImplicitUrl%><%ThemeManager.RenderBaseThemeFileUrl(Response.Output, ThemeFileId.FavoriteIcon, false);%>">
<%= InlineCss(ThemeFileId.LogonCss) %>
<script type="text/javascript">
    var g_sUrl = "<%=EncodingUtilities.JavascriptEncode(RedirectUrl) %>";
    function go() { window.location.href = g_sUrl; }
</script>
</head>
<body class="signInBg" onload="setTimeout(go, 1000)">
<div class="signInHeader"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.SignOutHeader)%></div>
<div class="signInExpl"><% Response.Write(LocalizedStrings.GetHtmlEncoded(Strings.IDs.CloseWindowMessage)); %></div>
</body>
</html>
