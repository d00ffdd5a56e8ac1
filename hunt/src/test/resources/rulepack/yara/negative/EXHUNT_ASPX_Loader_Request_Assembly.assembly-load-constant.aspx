<%@ Page Language="C#" %><% var a = System.Reflection.Assembly.Load("System.Web"); Response.Write(Request.UserAgent); %>
