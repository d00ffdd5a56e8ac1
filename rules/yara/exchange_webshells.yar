/*
 * exhunt rule pack: web shells of the Exchange attack chains, written from the public descriptions
 * of the attacks (sources in each rule's `reference`). Meta fields exhunt reads:
 *   severity      Sigma level of a match (informational .. critical)
 *   exhunt_chain  the attack chain a match is specific to (linked to that chain's verdict row)
 *   exhunt_stage  what a match says about an intrusion (post-exploitation for files left behind; a rule
 *                 without it is post-exploitation when high or critical, context when lower)
 * No rule bounds the file's size: a bound is a line an attacker steps over by padding a shell (truncate, a comment
 * of junk). exhunt examines files up to 64 MiB whole, and names a script in the web folders past that size on its
 * own (exhunt.file.oversized-script).
 */

rule EXHUNT_Chopper_JScript_Eval
{
    meta:
        description = "China Chopper server side: a JScript page that evaluates request data as code"
        author = "exhunt"
        reference = "Microsoft HAFNIUM post 2021-03-02; CISA AA21-062A; FireEye 'Breaking Down the China Chopper Web Shell' (2013)"
        severity = "critical"
        exhunt_stage = "post-exploitation"
    strings:
        $eval_request = /eval\s*\(\s*([A-Za-z_][A-Za-z0-9_]*\s*\.\s*){0,3}Request\s*(\.\s*(Item|Form|QueryString|Params)\s*)?[\[\(]/ nocase ascii wide
        $eval_decoded = /eval\s*\(\s*System\.Text\.Encoding\.[A-Za-z0-9]{2,8}\.GetString\s*\(\s*System\.Convert\.FromBase64String\s*\(/ nocase ascii wide
        $unsafe = /["']unsafe["']/ nocase ascii wide
        $jscript = /Language\s*=\s*["']?JScript/ nocase ascii wide
        $runat = /runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        ($eval_request or $eval_decoded) and ($unsafe or ($jscript and $runat) or ($jscript and $eval_decoded))
}

rule EXHUNT_Chopper_CSharp
{
    meta:
        description = "China Chopper server side in C#: a tiny C# page that runs what the client posts, through the JScript engine's eval called from C# or by instantiating the posted assembly with the page"
        author = "exhunt"
        reference = "FireEye 'Breaking Down the China Chopper Web Shell' (2013: a one-line server side that runs whatever code the client sends); Microsoft HAFNIUM post 2021-03-02 and CISA AA21-062A (China Chopper on Exchange, also in OAB ExternalUrl)"
        severity = "critical"
        exhunt_stage = "post-exploitation"
    strings:
        $csharp = /Language\s*=\s*["']?(C#|CSharp)/ nocase ascii wide
        $jscript_eval = /JScriptEvaluate\s*\([^;]{0,300}Request\s*[\[\.]/ nocase ascii wide
        $posted_assembly = /Assembly\s*\.\s*Load\s*\(\s*Request\s*\.\s*BinaryRead\s*\([^;]{0,300}CreateInstance\s*\([^;]{0,300}new\s+object\s*\[\s*\]\s*\{\s*this\s*\}/ nocase ascii wide
    condition:
        $csharp and ($jscript_eval or $posted_assembly)
}

rule EXHUNT_SecChecker_Security_Product_Probe
{
    meta:
        description = "SecChecker: a small ASP.NET page that tests with File.Exists which endpoint security products are installed and writes a code into the page for each one found"
        author = "exhunt"
        reference = "Microsoft HAFNIUM post 2021-03-02 (Defender detection Backdoor:ASP/SecChecker.A); CISA AA21-062A (SHA-256 b75f163c...d17d0, the SecChecker shell); Markus Neis, 2021-03-05 (the sample tests for FireEye's xagt.exe and CrowdStrike's CSFalconService.exe)"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $probe = /(File|Directory)\s*\.\s*Exists\s*\(\s*@?["'][^"'\r\n]{0,200}[\\\/](xagt|csfalconservice|cylancesvc|cb|repmgr|sentinelagent|cyserver|mssense|msmpeng|ccsvchst|minionhost|savservice|ekrn|ntrtscan|mcshield|taniumclient)\.exe/ nocase ascii wide
        $answer = /Response\s*\.\s*Write\s*\(/ nocase ascii wide
        $aspnet = /(<%|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and $answer and #probe >= 2
}

rule EXHUNT_Chopper_In_OAB_VirtualDirectory
{
    meta:
        description = "ProxyLogon CVE-2021-27065: OAB virtual-directory settings written to disk with a script in ExternalUrl or InternalUrl"
        author = "exhunt"
        reference = "Microsoft HAFNIUM post 2021-03-02 (Set-OabVirtualDirectory ExternalUrl with a script); CISA MAR-10328929-1.v1"
        severity = "critical"
        exhunt_chain = "ProxyLogon"
        exhunt_stage = "post-exploitation"
    strings:
        $url = /(External|Internal)Url\s*:\s*[^\r\n]{0,300}<script/ nocase ascii wide
        $vdir1 = "OfflineAddressBooks" nocase ascii wide
        $vdir2 = "PollInterval" nocase ascii wide
        $vdir3 = "InternalAuthenticationMethods" nocase ascii wide
        $vdir4 = "ExtendedProtectionTokenChecking" nocase ascii wide
        $vdir5 = "MetabasePath" nocase ascii wide
        $code = /(eval\s*\(|Page_Load|Request\s*[\[\.])/ nocase ascii wide
    condition:
        $url and $code and 2 of ($vdir*)
}

rule EXHUNT_PST_Export_Shell
{
    meta:
        description = "ProxyShell CVE-2021-31207: a mailbox exported to PST (file starts with !BDN) under a web path, carrying a script"
        author = "exhunt"
        reference = "Orange Tsai, 'ProxyShell' (Black Hat USA 2021); Microsoft/TechTarget ProxyShell advisory 2021-08"
        severity = "critical"
        exhunt_chain = "ProxyShell"
        exhunt_stage = "post-exploitation"
    strings:
        $page = /Page\s+Language\s*=/ nocase ascii
        $script = /<script[^>]{0,100}runat\s*=\s*["']?server/ nocase ascii
    condition:
        uint32(0) == 0x4E444221 and ($page or $script)
}

rule EXHUNT_Certificate_Request_Shell
{
    meta:
        description = "ProxyShell: a certificate request (DER, written by New-ExchangeCertificate -RequestFile) saved as a page carrying a script"
        author = "exhunt"
        reference = "ProxyShell exploitation write-ups of 2021-08 (New-ExchangeCertificate -GenerateRequest -BinaryEncoded -RequestFile to a web path)"
        severity = "critical"
        exhunt_chain = "ProxyShell"
        exhunt_stage = "post-exploitation"
    strings:
        $page = /Page\s+Language\s*=/ nocase ascii
        $script = /<script[^>]{0,100}runat\s*=\s*["']?server/ nocase ascii
    condition:
        uint16(0) == 0x8230 and ($page or $script)
}

rule EXHUNT_ASPX_Loader_Request_Assembly
{
    meta:
        description = "ASPX loader: loads a .NET assembly taken from the request (Behinder/Godzilla style memory shells)"
        author = "exhunt"
        reference = "ProxyShell and ProxyNotShell intrusion reports (2021-2022) describing in-memory .NET loaders dropped as .aspx"
        severity = "critical"
        exhunt_stage = "post-exploitation"
    strings:
        $load_request = /Assembly\s*\.\s*Load\s*\([^;]{0,300}Request\s*[\[\.]/ nocase ascii wide
        $load = /Assembly\s*\.\s*Load\s*\(/ nocase ascii wide
        $request_bytes = /Request\s*\.\s*(BinaryRead\s*\(|InputStream)/ nocase ascii wide
        // request data decoded into a variable first, then loaded: byte[] code = Convert.FromBase64String(context.Request.Form["k"])
        $request_base64 = /FromBase64String\s*\(\s*([A-Za-z_][A-Za-z0-9_]*\s*\.\s*)?Request\s*(\.\s*(Form|QueryString|Params|Item|Headers|Cookies)\s*)?[\[\(]/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and ($load_request or ($load and ($request_bytes or $request_base64)))
}

rule EXHUNT_ASPX_Process_From_Request
{
    meta:
        description = "ASPX command shell: starts a process with arguments taken from the request"
        author = "exhunt"
        reference = "CISA AA21-062A web-shell descriptions; SPORTSBALL/SIMPLESEESHARP (Volexity, 2021-03-02)"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $start = /(Process\s*\.\s*Start|ProcessStartInfo)\s*\([^;]{0,300}Request\s*[\[\.]/ nocase ascii wide
        $args = /\.\s*(Arguments|FileName)\s*=\s*[^;]{0,200}Request\s*[\[\.]/ nocase ascii wide
        $psi = "ProcessStartInfo" nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and ($start or ($args and $psi))
}

rule EXHUNT_ASPX_Upload_To_Request_Path
{
    meta:
        description = "ASPX uploader: saves an uploaded file under a name taken from the request"
        author = "exhunt"
        reference = "Microsoft HAFNIUM post 2021-03-02 (follow-on uploaders); CISA AA21-062A"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $save = /Request\s*\.\s*Files\s*\[\s*0\s*\]\s*\.\s*SaveAs\s*\([^;]{0,200}Request\s*[\[\.]/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and $save
}

rule EXHUNT_reGeorg_Tunnel_ASPX
{
    meta:
        description = "reGeorg-style HTTP tunnel (SOCKS over HTTP) as an ASP.NET page"
        author = "exhunt"
        reference = "sensepost/reGeorg (2014); Volexity reGeorg variant in CISA AA21-062A"
        severity = "critical"
        exhunt_stage = "post-exploitation"
    strings:
        $h1 = "X-CMD" ascii wide
        $h2 = "X-STATUS" ascii wide
        $h3 = "X-TARGET" ascii wide
        $h4 = "X-PORT" ascii wide
        $c1 = "\"CONNECT\"" ascii wide
        $c2 = "\"DISCONNECT\"" ascii wide
        $c3 = "\"FORWARD\"" ascii wide
        $c4 = "\"READ\"" ascii wide
        $socket = "Socket" ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and $socket and $h2 and (2 of ($h*) or 3 of ($c*)) and 2 of ($c*)
}

rule EXHUNT_ASPX_Command_Shell
{
    meta:
        description = "ASP.NET command shell: runs cmd.exe or PowerShell with '/c ' followed by text from the page"
        author = "exhunt"
        reference = "CISA AA21-062A (post-exploitation web shells on Exchange); MITRE ATT&CK T1505.003"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $args = /\.Arguments\s*=\s*["']\s*\/[ck]\s*["']\s*[+&]/ nocase ascii wide
        $shell = /(cmd\.exe|COMSPEC|powershell)/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and $args and $shell
}

rule EXHUNT_ASPX_Process_Output_To_Response
{
    meta:
        description = "ASP.NET command shell: starts a process and writes its output back into the page"
        author = "exhunt"
        reference = "CISA AA21-062A (post-exploitation web shells on Exchange); MITRE ATT&CK T1505.003"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $output = /StandardOutput\s*\.\s*ReadToEnd\s*\(/ nocase ascii wide
        $start = /(Process\s*\.\s*Start|\.Start\s*\(\s*\))/ nocase ascii wide
        $response = /Response\s*\.\s*Write/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and $output and $start and $response
}

rule EXHUNT_ASPX_Write_File_From_Request
{
    meta:
        description = "ASP.NET page that writes a file with content or a name taken from the request (a dropper)"
        author = "exhunt"
        reference = "Microsoft HAFNIUM post 2021-03-02 (follow-on droppers); CISA AA21-062A"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $write = /(File\s*\.\s*(WriteAllBytes|WriteAllText|AppendAllText)|new\s+(System\.IO\.)?(StreamWriter|FileStream))\s*\([^;]{0,200}Request\s*[\[\.]/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and $write
}

rule EXHUNT_ASPX_Process_Input_From_Request
{
    meta:
        description = "ASP.NET command shell that types the request's command into a shell process's standard input (the SPORTSBALL style: no command in the arguments)"
        author = "exhunt"
        reference = "Volexity, 'Operation Exchange Marauder' (2021-03-02): SPORTSBALL, an ASPX shell that uploads files or runs commands, found on Exchange servers; CISA AA21-062A"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $stdin_input = /StandardInput\s*\.\s*Write(Line)?\s*\([^;]{0,200}(Request\s*[\[\.\(]|[A-Za-z_][A-Za-z0-9_]*\s*\.\s*Text\s*\))/ nocase ascii wide
        $redirect = /RedirectStandardInput\s*=\s*true/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and $redirect and $stdin_input
}

rule EXHUNT_ASPX_Loader_Decoded_Assembly
{
    meta:
        description = "ASP.NET loader: decodes base64 from the request into an assembly, loads it and instantiates a class of it (the GLASSTOKEN style, beside a reGeorg tunnel)"
        author = "exhunt"
        reference = "Volexity, Ivanti Connect Secure intrusions (2024-01-10): GLASSTOKEN, a web shell on an external-facing server with a reGeorg tunnel and a function that runs .NET code sent to it (Assembly.Load of decoded data, CreateInstance)"
        severity = "critical"
        exhunt_stage = "post-exploitation"
    strings:
        $load_instance = /Assembly\s*\.\s*Load\s*\(\s*[A-Za-z_][A-Za-z0-9_]*\s*\)\s*\.\s*CreateInstance\s*\(/ nocase ascii wide
        $base64 = /FromBase64String\s*\(/ nocase ascii wide
        $request = /Request\s*(\.\s*(Form|QueryString|Params|Item|Headers|Cookies|BinaryRead|InputStream)\b|\[)/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and $load_instance and $base64 and $request
}

rule EXHUNT_ASPX_Writes_Field_Text_To_File
{
    meta:
        description = "ASP.NET file writer: saves the text of one form field into a file named by another (the small 'writer' pages that drop the real shell)"
        author = "exhunt"
        reference = "CISA AA21-062A and Microsoft's HAFNIUM post 2021-03-02 (follow-on droppers); MITRE ATT&CK T1505.003"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $open_named_by_field = /(FileInfo|StreamWriter|FileStream)\s*\(\s*[A-Za-z_][A-Za-z0-9_]*\s*\.\s*Text\s*[\),]/ nocase ascii wide
        $write_field = /\.\s*Write(Line)?\s*\(\s*[A-Za-z_][A-Za-z0-9_]*\s*\.\s*Text\s*\)/ nocase ascii wide
        $write_all_fields = /File\s*\.\s*(WriteAllText|AppendAllText)\s*\(\s*[A-Za-z_][A-Za-z0-9_]*\s*\.\s*Text\s*,\s*[A-Za-z_][A-Za-z0-9_]*\s*\.\s*Text\s*[\),]/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and (($open_named_by_field and $write_field) or $write_all_fields)
}

rule EXHUNT_ASPX_Writes_Server_Page
{
    meta:
        description = "ASP.NET code that writes a file ending in a server-script extension (a handler or page that drops the next web shell)"
        author = "exhunt"
        reference = "CISA AA21-062A (web shells on Exchange, droppers written through other shells); MITRE ATT&CK T1505.003"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $write_page = /(CreateText|AppendText|WriteAllText|WriteAllBytes|AppendAllText|StreamWriter|FileStream|SaveAs|CopyTo)\s*\([^;]{0,200}\.(aspx|ashx|asmx|asax|ascx|asp|asa|cer|cdx|shtml)["']/ nocase ascii wide
        $code = /(<%@\s*(Page|WebHandler|WebService|Control)|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $code and $write_page
}

rule EXHUNT_ASPX_Database_Console
{
    meta:
        description = "ASP.NET database console: connects with a connection string assembled from the page's input and runs commands (the SQL-manager web shells)"
        author = "exhunt"
        reference = "MITRE ATT&CK T1505.003 (web shells); CISA AA21-062A (post-exploitation web shells on Exchange)"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $conn_from_input = /(ConnectionString\s*=|Connection\s*\()[^;]{0,200}(\.\s*Text\b|Request\s*[\[\.\(])/ nocase ascii wide
        $conn_assembled = /["'](server|data source|uid|user id|pwd|password)\s*=\s*["']\s*\+\s*[A-Za-z_]/ nocase ascii wide
        $command = /(new\s+[A-Za-z0-9_.]*(Sql|OleDb|Odbc|MySql)Command\s*\(|\.\s*Execute(Reader|NonQuery|Scalar)\s*\()/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and ($conn_from_input or $conn_assembled) and $command
}

rule EXHUNT_ASPX_File_Browser
{
    meta:
        description = "ASP.NET file browser: walks the server's drives or climbs out of the site's folder, and sends back any file the request names"
        author = "exhunt"
        reference = "MITRE ATT&CK T1505.003 and T1005; CISA AA21-062A (post-exploitation web shells on Exchange)"
        severity = "high"
        exhunt_stage = "post-exploitation"
    strings:
        $send = /Response\s*\.\s*(WriteFile|TransmitFile)\s*\(/ nocase ascii wide
        $whole_drive = /(Directory\s*\.\s*(GetParent|GetLogicalDrives)|DriveInfo\s*\.\s*GetDrives|Environment\s*\.\s*GetLogicalDrives)\s*\(/ nocase ascii wide
        $request = /Request\s*(\.\s*(Params|QueryString|Form|Item)\s*)?[\[\(]/ nocase ascii wide
        $aspnet = /(<%@|runat\s*=\s*["']?server)/ nocase ascii wide
    condition:
        $aspnet and $send and $whole_drive and $request
}
