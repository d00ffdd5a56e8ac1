<%@ Page Language="C#" %>
<script runat="server">
// Shows the discount a customer gets; the formula is the shop's own, evaluated by the JScript engine.
void Page_Load(object sender, EventArgs e)
{
    var engine = Microsoft.JScript.Vsa.VsaEngine.CreateEngine();
    object rate = Microsoft.JScript.Eval.JScriptEvaluate("Math.min(0.25, 0.05 * 3)", engine);
    Response.Write(Server.HtmlEncode(Request.QueryString["customer"]) + ": " + rate);
}
</script>
