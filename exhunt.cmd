@echo off
rem exhunt from a clone: builds the runnable jar when it is missing or older than the sources, then runs it.
rem (A release zip carries its own exhunt.cmd that only runs the jar.)
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%cli\target\exhunt.jar"
set STATE=stale
for /f %%r in ('powershell -NoProfile -Command "$j = Get-Item -LiteralPath '%JAR%' -ErrorAction SilentlyContinue; if (-not $j) { 'stale'; exit }; $newer = Get-ChildItem -LiteralPath '%HERE%' -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notmatch '\\(target|\.git)\\' -and ($_.Extension -eq '.java' -or $_.Name -eq 'pom.xml' -or $_.FullName -match '\\rules\\|\\src\\main\\resources\\') -and $_.LastWriteTime -gt $j.LastWriteTime } | Select-Object -First 1; if ($newer) { 'stale' } else { 'fresh' }"') do set STATE=%%r
if "%STATE%"=="stale" (
  echo exhunt: building the jar ^(first run or sources changed^)... 1>&2
  pushd "%HERE%"
  call mvnw.cmd -B -q -DskipTests package 1>&2
  popd
)
if "%JAVA%"=="" set JAVA=java
rem `exhunt yara`, `exhunt probe` and `exhunt rules` run for seconds: a small heap and no C2 JIT make them 1.4 to 2.5
rem times as fast.
rem EXHUNT_JAVA_OPTS, when set, replaces this choice.
if "%~1"=="yara" if not defined EXHUNT_JAVA_OPTS set "EXHUNT_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
if "%~1"=="probe" if not defined EXHUNT_JAVA_OPTS set "EXHUNT_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
if "%~1"=="rules" if not defined EXHUNT_JAVA_OPTS set "EXHUNT_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
"%JAVA%" %EXHUNT_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
