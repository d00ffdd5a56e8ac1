<%@ Page Language="C#" %>
<%@ Import Namespace="System.Diagnostics" %>
<script runat="server">
// Support page: the worker processes running now and the tail of the application's own log.
void Page_Load(object sender, EventArgs e)
{
    foreach (Process p in Process.GetProcessesByName("w3wp")) Response.Write(p.Id + " " + p.StartTime + "<br/>");
    using (var log = new System.IO.StreamReader(Server.MapPath("~/App_Data/app.log")))
    {
        Response.Write("<pre>" + Server.HtmlEncode(log.ReadToEnd()) + "</pre>");
    }
}
</script>
