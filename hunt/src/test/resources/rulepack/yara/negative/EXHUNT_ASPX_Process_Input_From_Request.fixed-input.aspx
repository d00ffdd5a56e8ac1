<%@ Page Language="C#" %>
<script runat="server">
void Refresh_Click(object sender, EventArgs e) {
    var p = new System.Diagnostics.Process();
    p.StartInfo.FileName = "C:\\Tools\\queue-stats.exe";
    p.StartInfo.UseShellExecute = false;
    p.StartInfo.RedirectStandardInput = true;
    p.StartInfo.RedirectStandardOutput = true;
    p.Start();
    p.StandardInput.WriteLine("summary");
    lblStats.Text = Server.HtmlEncode(p.StandardOutput.ReadToEnd() + Request.QueryString["view"]);
}
</script>
