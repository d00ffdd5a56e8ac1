<%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.ErrorFE" %>
<%@ Import namespace="Microsoft.Exchange.Clients"%>
<%@ Import namespace="Microsoft.Exchange.Clients.Owa.Core"%>
<%@ Import namespace="Microsoft.Exchange.HttpProxy"%>
<%-- exhunt test kit: stands in for Exchange's own errorFE.aspx, with its structure (not Microsoft's file) --%>
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; CHARSET=utf-8">
<meta name="Robots" content="NOINDEX, NOFOLLOW">
<title><%=PageTitle %></title>
<link rel="shortcut icon" href="<%=OwaUrl.AuthFolder.ImplicitUrl%><%ThemeManager.RenderBaseThemeFileUrl(Response.Output, ThemeFileId.FavoriteIcon, false);%>">
<%= InlineCss(ThemeFileId.LogonCss) %>
</head>
<body class="owaLgnBdy">
<div class="errorHeader"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.ErrorTitle)%></div>
<div class="errorDetails"><%=ErrorInformation.MessageHtml%></div>
<% if (ShowDebugInformation) { %>
<div id="errDbg"><% RenderDebugInformation(); %></div>
<% } %>
<a href="<%=EncodingUtilities.HtmlEncode(ReturnUrl)%>"><%=LocalizedStrings.GetHtmlEncoded(Strings.IDs.TryAgain)%></a>
</body>
</html>
