<%@ Page Language="C#" %>
<script runat="server">
protected void Page_Load(object sender, EventArgs e) {
    string folder = Server.MapPath("~/downloads");
    string name = Request.QueryString["f"];
    if (name != null) { Response.TransmitFile(System.IO.Path.Combine(folder, System.IO.Path.GetFileName(name))); return; }
    foreach (string f in System.IO.Directory.GetFiles(folder)) Response.Write(Server.HtmlEncode(System.IO.Path.GetFileName(f)) + "<br>");
}
</script>
