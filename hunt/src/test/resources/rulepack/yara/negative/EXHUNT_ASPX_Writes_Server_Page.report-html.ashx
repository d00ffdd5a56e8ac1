<%@ WebHandler Language="C#" Class="Handler" %>
using System.IO;
using System.Web;
public class Handler : IHttpHandler {
    public void ProcessRequest(HttpContext context) {
        File.WriteAllText(context.Server.MapPath("~/App_Data/daily-report.html"), "<html><body>report</body></html>");
        context.Response.Redirect("reports.aspx");
    }
    public bool IsReusable { get { return false; } }
}
