<%@ Page Language="C#" %>
<%@ Import Namespace="System.Data.SqlClient" %>
<script runat="server">
void Run_Click(object sender, EventArgs e) {
    SqlConnection conn = new SqlConnection();
    conn.ConnectionString = txtConnection.Text;
    conn.Open();
    SqlDataReader r = new SqlCommand(txtSql.Text, conn).ExecuteReader();
    grid.DataSource = r; grid.DataBind();
}
</script>
