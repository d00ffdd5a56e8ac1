<%@ Page Language="C#" %>
<script runat="server">
void Restart(object s, EventArgs e) {
    string user = Request["user"];
    Log("restart requested by " + user);
    System.Diagnostics.Process.Start("C:\\Tools\\restart-pool.cmd");
}
</script>
