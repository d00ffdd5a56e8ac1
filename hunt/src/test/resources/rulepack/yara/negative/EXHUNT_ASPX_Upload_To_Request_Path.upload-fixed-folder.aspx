<%@ Page Language="C#" %>
<script runat="server">
protected void Upload_Click(object sender, EventArgs e) {
    if (FileUpload1.HasFile) FileUpload1.SaveAs(Server.MapPath("~/uploads/") + System.IO.Path.GetFileName(FileUpload1.FileName));
}
</script>
