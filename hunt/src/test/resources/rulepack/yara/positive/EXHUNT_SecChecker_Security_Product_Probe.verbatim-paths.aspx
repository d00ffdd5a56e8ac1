<%@ Page Language="C#" %>
<script runat="server">
void Page_Load(object sender, EventArgs e)
{
    string found = "";
    if (System.IO.File.Exists(@"C:\Program Files\SentinelOne\Sentinel Agent 21.5.3.235\SentinelAgent.exe")) found += "s";
    if (System.IO.File.Exists(@"C:\Program Files\Windows Defender Advanced Threat Protection\MsSense.exe")) found += "m";
    if (System.IO.File.Exists(@"C:\Program Files\Cybereason ActiveProbe\minionhost.exe")) found += "c";
    Response.Write(found);
}
</script>
