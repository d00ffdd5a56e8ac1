<%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.ErrorFE" %>
<!-- exhunt example: stands in for Exchange's own OWA error page (not the real file) -->
