<%@ Page Language="C#" %>
<script runat="server">
// Exchange antivirus exclusions checklist for the operations team: the agents we run and their processes.
void Page_Load(object sender, EventArgs e)
{
    if (System.IO.File.Exists(Server.MapPath("~/App_Data/exclusions.xml"))) Response.Write("<p>Exclusions file present.</p>");
}
</script>
<html><body>
<h1>Security agents on Exchange servers</h1>
<table>
<tr><td>FireEye HX</td><td>C:\Program Files (x86)\FireEye\xagt\xagt.exe</td></tr>
<tr><td>CrowdStrike Falcon</td><td>C:\Program Files\CrowdStrike\CSFalconService.exe</td></tr>
<tr><td>Microsoft Defender</td><td>C:\ProgramData\Microsoft\Windows Defender\Platform\MsMpEng.exe</td></tr>
</table>
</body></html>
