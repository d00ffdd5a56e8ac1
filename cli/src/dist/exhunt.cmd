@echo off
rem exhunt from a release: runs the jar beside this script with the Java on the PATH (17 or newer).
setlocal
if "%JAVA%"=="" set JAVA=java
"%JAVA%" %EXHUNT_JAVA_OPTS% -jar "%~dp0exhunt.jar" %*
exit /b %ERRORLEVEL%
