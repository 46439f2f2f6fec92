@echo off
rem Runs a crm-bridge command with the JVM settings that suit it. Usage: crm-bridge COMMAND [OPTIONS...]
rem import-mail streams its input, so it gets a small heap; every other command runs with the JVM's defaults.
rem CRMBRIDGE_JAVA_OPTS comes last and so wins; JAVA_HOME chooses the JDK, else java on the PATH.
setlocal
set "HOME_DIR=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
set "HEAP="
if /i "%~1"=="import-mail" set "HEAP=-Xmx128m"
"%JAVA_EXE%" %HEAP% %CRMBRIDGE_JAVA_OPTS% -jar "%HOME_DIR%\crm-bridge.jar" %*
exit /b %ERRORLEVEL%
