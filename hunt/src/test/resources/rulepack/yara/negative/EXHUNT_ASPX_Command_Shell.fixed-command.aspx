<%@ Page Language="C#" %>
<script runat="server">
void Report(object s, EventArgs e) {
    var p = new System.Diagnostics.Process();
    p.StartInfo.FileName = "cmd.exe";
    p.StartInfo.Arguments = "/c C:\\Scripts\\daily-report.cmd";
    p.Start();
}
</script>
