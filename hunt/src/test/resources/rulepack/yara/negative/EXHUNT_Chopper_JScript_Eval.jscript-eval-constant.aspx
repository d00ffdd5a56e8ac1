<%@ Page Language="JScript" %><% var x = eval("1 + 1", "unsafe"); Response.Write(x); %>
