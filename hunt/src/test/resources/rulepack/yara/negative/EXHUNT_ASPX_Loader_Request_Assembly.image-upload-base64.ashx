<%@ WebHandler Language="C#" Class="AvatarUpload" %>
using System;
using System.IO;
using System.Web;

// A profile picture posted as base64 and saved under a fixed name: request data decoded, but never loaded as code.
public class AvatarUpload : IHttpHandler {
    public void ProcessRequest(HttpContext context) {
        byte[] picture = Convert.FromBase64String(context.Request.Form["picture"]);
        string name = Guid.NewGuid().ToString("N") + ".png";
        File.WriteAllBytes(Path.Combine(@"D:\Avatars", name), picture);
        context.Response.ContentType = "text/plain";
        context.Response.Write(name);
    }
    public bool IsReusable { get { return false; } }
}
