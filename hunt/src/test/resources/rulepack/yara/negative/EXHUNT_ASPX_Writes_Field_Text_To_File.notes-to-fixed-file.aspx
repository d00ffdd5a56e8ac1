<%@ Page Language="C#" %>
<script runat="server">
void AddNote_Click(object sender, EventArgs e) {
    System.IO.File.AppendAllText(Server.MapPath("~/App_Data/notes.txt"), txtNote.Text + Environment.NewLine);
    using (var log = new System.IO.StreamWriter(Server.MapPath("~/App_Data/audit.log"), true)) {
        log.WriteLine(User.Identity.Name);
    }
}
</script>
