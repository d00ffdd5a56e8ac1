<%@ Page Language="C#" %>
<%@ Import Namespace="System.Reflection" %>
<script runat="server">
// Renders the weekly report with the installed report plug-in, handing it this page.
void Page_Load(object sender, EventArgs e)
{
    Assembly reports = Assembly.Load("Contoso.Reports");
    object report = reports.CreateInstance("Contoso.Reports.Weekly", true, BindingFlags.Default, null, new object[] { this }, null, null);
    Response.Write("Report for week " + Server.HtmlEncode(Request.QueryString["week"]) + ": " + report);
}
</script>
