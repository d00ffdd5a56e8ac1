@echo off
rem exhunt from a release: runs the jar beside this script with the Java on the PATH (17 or newer).
setlocal
if "%JAVA%"=="" set JAVA=java
rem `exhunt yara`, `exhunt probe` and `exhunt rules` run for seconds: a small heap and no C2 JIT make them 1.4 to 2.5
rem times as fast.
rem EXHUNT_JAVA_OPTS, when set, replaces this choice.
if "%~1"=="yara" if not defined EXHUNT_JAVA_OPTS set "EXHUNT_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
if "%~1"=="probe" if not defined EXHUNT_JAVA_OPTS set "EXHUNT_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
if "%~1"=="rules" if not defined EXHUNT_JAVA_OPTS set "EXHUNT_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
"%JAVA%" %EXHUNT_JAVA_OPTS% -jar "%~dp0exhunt.jar" %*
exit /b %ERRORLEVEL%
