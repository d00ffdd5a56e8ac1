<%@ Page Language="C#" %>
<script runat="server">
void Dump_Click(object sender, EventArgs e) {
    string host = txtHost.Text, user = txtUser.Text, pass = txtPass.Text;
    string cs = "server=" + host + ";uid=" + user + ";pwd=" + pass;
    var conn = new System.Data.SqlClient.SqlConnection(cs);
    conn.Open();
    var cmd = new System.Data.SqlClient.SqlCommand("select * from " + txtTable.Text, conn);
    grid.DataSource = cmd.ExecuteReader(); grid.DataBind();
}
</script>
