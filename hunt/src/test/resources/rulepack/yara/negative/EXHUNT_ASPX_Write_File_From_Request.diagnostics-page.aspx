<%@ Page Language="C#" %>
<script runat="server">
void Show(object s, EventArgs e) {
    var p = System.Diagnostics.Process.GetCurrentProcess();
    Response.Write("Working set: " + p.WorkingSet64);
    System.IO.File.WriteAllText(Server.MapPath("~/App_Data/visits.log"), DateTime.UtcNow.ToString());
}
</script>
