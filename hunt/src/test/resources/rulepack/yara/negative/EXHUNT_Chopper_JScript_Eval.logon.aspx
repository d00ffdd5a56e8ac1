<%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.Logon" %>
<script type="text/javascript">function clkLgn(){ var f = document.forms[0]; f.submit(); }</script>
