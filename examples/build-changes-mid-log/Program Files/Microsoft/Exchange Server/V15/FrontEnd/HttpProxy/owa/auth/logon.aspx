<%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.Logon" %>
<!-- exhunt example: stands in for Exchange's own OWA logon page (not the real file) -->
