<%@ Page Language="C#" %>
<%@ Import Namespace="System.Configuration" %>
<script runat="server">
void Search_Click(object sender, EventArgs e) {
    using (var conn = new System.Data.SqlClient.SqlConnection(ConfigurationManager.ConnectionStrings["Helpdesk"].ConnectionString)) {
        var cmd = new System.Data.SqlClient.SqlCommand("select Title from Tickets where Owner = @owner", conn);
        cmd.Parameters.AddWithValue("@owner", txtOwner.Text);
        conn.Open();
        grid.DataSource = cmd.ExecuteReader(); grid.DataBind();
    }
}
</script>
