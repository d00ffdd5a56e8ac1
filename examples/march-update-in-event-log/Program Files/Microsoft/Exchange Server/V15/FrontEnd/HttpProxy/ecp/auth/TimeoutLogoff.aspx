<%@ Page language="c#" AutoEventWireup="false" %>
<!-- exhunt example: stands in for Exchange's own TimeoutLogoff.aspx (not the real file) -->
