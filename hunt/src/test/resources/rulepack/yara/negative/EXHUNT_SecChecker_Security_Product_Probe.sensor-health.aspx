<%@ Page Language="C#" %>
<script runat="server">
// Monitoring probe: is the endpoint sensor installed on this server?
void Page_Load(object sender, EventArgs e)
{
    bool sensor = System.IO.File.Exists(@"C:\Program Files\Windows Defender Advanced Threat Protection\MsSense.exe");
    Response.Write(sensor ? "OK" : "SENSOR MISSING");
}
</script>
