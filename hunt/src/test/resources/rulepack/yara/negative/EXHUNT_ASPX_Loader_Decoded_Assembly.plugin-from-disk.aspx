<%@ Page Language="C#" %>
<%@ Import Namespace="System.Reflection" %>
<script runat="server">
protected void Page_Load(object sender, EventArgs e) {
    string view = Request.QueryString["view"] ?? "summary";
    byte[] plugin = System.IO.File.ReadAllBytes(Server.MapPath("~/App_Data/plugins/Reports.dll"));
    var report = Assembly.Load(plugin).CreateInstance("Reports.Summary");
    imgLogo.ImageUrl = "data:image/png;base64," + Convert.ToBase64String(System.IO.File.ReadAllBytes(Server.MapPath("~/logo.png")));
    lblView.Text = Server.HtmlEncode(view + report);
}
</script>
