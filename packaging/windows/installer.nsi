; Zusammenleben-Setup-<version>.exe: the Windows installer (NSIS 3, built on Linux by `make windows-installer`).
;
; - per user by default, without administrator rights (%LOCALAPPDATA%\Programs\Zusammenleben, HKCU);
;   "for all users" (Program Files, HKLM) when the installer runs as administrator, on the mode page or
;   with /AllUsers on the command line;
; - Start-menu entry; desktop shortcut optional (unchecked; /Desktop on the command line);
; - installer language German or Dutch, from the Windows display language (German otherwise);
; - licence page: the app's MIT licence and the third-party notices (LGPL-3.0 for Qt/PySide6);
; - the uninstaller deletes exactly the files it installed (the list comes from the bundle) and keeps
;   the user's settings (%LOCALAPPDATA%\zusammenleben) unless "remove settings" is ticked or
;   /RemoveSettings is given.
; installer.sh passes VERSION, VERSION4, BUNDLE, OUTFILE, FILES_INC, LICENSE_DE, LICENSE_NL.

Unicode true
Target amd64-unicode  ; the program is x64 only; a 64-bit installer also runs under a 64-bit-only Wine
ManifestDPIAware true
; LZMA for releases; installer.sh passes COMPRESSOR=zlib when ZL_NSIS_COMPRESSOR=zlib (the CI check: 6x faster)
!ifndef COMPRESSOR
    !define COMPRESSOR lzma
!endif
SetCompressor /SOLID ${COMPRESSOR}
RequestExecutionLevel user

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include nsDialogs.nsh

!define APP "Zusammenleben"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Zusammenleben"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=1031 "ProductName" "${APP}"
VIAddVersionKey /LANG=1031 "FileDescription" "${APP} Setup"
VIAddVersionKey /LANG=1031 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1031 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1031 "LegalCopyright" "MIT License"

Var AllUsers
Var ModeCurrent
Var ModeAll
Var RemoveSettings

!define MUI_ICON "${BUNDLE}\..\..\..\resources\icons\zusammenleben.ico"
!define MUI_UNICON "${BUNDLE}\..\..\..\resources\icons\zusammenleben.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_LICENSE $(LicenseFile)
Page custom ModePage ModePageLeave
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\zusammenleben.exe"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; the first language is the fallback; NSIS picks the one matching the Windows display language
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "Dutch"

LicenseLangString LicenseFile ${LANG_GERMAN} "${LICENSE_DE}"
LicenseLangString LicenseFile ${LANG_DUTCH} "${LICENSE_NL}"

LangString ModeTitle ${LANG_GERMAN} "Installationsart"
LangString ModeTitle ${LANG_DUTCH} "Soort installatie"
LangString ModeText ${LANG_GERMAN} "Für wen soll ${APP} installiert werden?"
LangString ModeText ${LANG_DUTCH} "Voor wie moet ${APP} worden geïnstalleerd?"
LangString ModeCurrentUser ${LANG_GERMAN} "Nur für mich (keine Administratorrechte nötig)"
LangString ModeCurrentUser ${LANG_DUTCH} "Alleen voor mij (geen beheerdersrechten nodig)"
LangString ModeAllUsers ${LANG_GERMAN} "Für alle Benutzer dieses Computers (Administratorrechte nötig)"
LangString ModeAllUsers ${LANG_DUTCH} "Voor alle gebruikers van deze computer (beheerdersrechten nodig)"
LangString NeedAdmin ${LANG_GERMAN} "Für alle Benutzer installieren kann nur ein Administrator. Starten Sie das Setup mit Rechtsklick → „Als Administrator ausführen“ oder installieren Sie nur für sich."
LangString NeedAdmin ${LANG_DUTCH} "Alleen een beheerder kan voor alle gebruikers installeren. Start de installatie met rechtsklik → ‘Als administrator uitvoeren’ of installeer alleen voor uzelf."
LangString SecProgram ${LANG_GERMAN} "${APP} mit Eintrag im Startmenü"
LangString SecProgram ${LANG_DUTCH} "${APP} met snelkoppeling in het menu Start"
LangString SecDesktop ${LANG_GERMAN} "Verknüpfung auf dem Desktop"
LangString SecDesktop ${LANG_DUTCH} "Snelkoppeling op het bureaublad"
LangString SecSettings ${LANG_GERMAN} "Auch meine Einstellungen löschen"
LangString SecSettings ${LANG_DUTCH} "Ook mijn instellingen verwijderen"
LangString ShortcutComment ${LANG_GERMAN} "Mechelen seit 2001: Zeitleiste, Zahlen und Partnerschaften"
LangString ShortcutComment ${LANG_DUTCH} "Mechelen sinds 2001: tijdlijn, cijfers en partnerschappen"

Function RequireAdmin
    UserInfo::GetAccountType
    Pop $R9
    ${If} $R9 != "Admin"
        MessageBox MB_OK|MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
        SetErrorLevel 740 ; ERROR_ELEVATION_REQUIRED
        Quit
    ${EndIf}
FunctionEnd

Function ModePage
    !insertmacro MUI_HEADER_TEXT "$(ModeTitle)" "$(ModeText)"
    nsDialogs::Create 1018
    Pop $R0
    ${NSD_CreateRadioButton} 0 10u 100% 12u "$(ModeCurrentUser)"
    Pop $ModeCurrent
    ${NSD_CreateRadioButton} 0 30u 100% 12u "$(ModeAllUsers)"
    Pop $ModeAll
    ${If} $AllUsers == 1
        ${NSD_Check} $ModeAll
    ${Else}
        ${NSD_Check} $ModeCurrent
    ${EndIf}
    nsDialogs::Show
FunctionEnd

Function ModePageLeave
    ${NSD_GetState} $ModeAll $R0
    ${If} $R0 == ${BST_CHECKED}
        UserInfo::GetAccountType
        Pop $R9
        ${If} $R9 != "Admin"
            MessageBox MB_OK|MB_ICONEXCLAMATION "$(NeedAdmin)"
            Abort
        ${EndIf}
        StrCpy $AllUsers 1
        StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
    ${Else}
        StrCpy $AllUsers 0
        StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${APP}"
    ${EndIf}
FunctionEnd

Section "!$(SecProgram)" SecProgram
    SectionIn RO
    ${If} $AllUsers == 1
        SetShellVarContext all
    ${Else}
        SetShellVarContext current
    ${EndIf}
    SetOutPath "$INSTDIR"
    File /r "${BUNDLE}\*.*"
    WriteUninstaller "$INSTDIR\uninstall.exe"
    CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\zusammenleben.exe" "" "$INSTDIR\zusammenleben.exe" 0 \
        SW_SHOWNORMAL "" "$(ShortcutComment)"
    ${If} $AllUsers == 1
        StrCpy $R8 HKLM
    ${Else}
        StrCpy $R8 HKCU
    ${EndIf}
    ${GetSize} "$INSTDIR" "/S=0K" $R0 $R1 $R2
    ${If} $AllUsers == 1
        WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP}"
        WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
        WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "Zusammenleben contributors"
        WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\zusammenleben.exe"
        WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
        WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /AllUsers'
        WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /AllUsers /S'
        WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $R0
        WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
        WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
    ${Else}
        WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
        WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
        WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Zusammenleben contributors"
        WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\zusammenleben.exe"
        WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
        WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
        WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
        WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $R0
        WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
        WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
    ${EndIf}
SectionEnd

Section /o "$(SecDesktop)" SecDesktop
    ${If} $AllUsers == 1
        SetShellVarContext all
    ${Else}
        SetShellVarContext current
    ${EndIf}
    CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\zusammenleben.exe" "" "$INSTDIR\zusammenleben.exe" 0 \
        SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

Function .onInit
    StrCpy $AllUsers 0
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "/AllUsers" $R1
    ${IfNot} ${Errors}
        Call RequireAdmin
        StrCpy $AllUsers 1
        StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
    ${EndIf}
    ClearErrors
    ${GetOptions} $R0 "/Desktop" $R1
    ${IfNot} ${Errors}
        SectionSetFlags ${SecDesktop} ${SF_SELECTED}
    ${EndIf}
FunctionEnd

; --- uninstaller ---

Section "-un.Program"
    ${If} $AllUsers == 1
        SetShellVarContext all
    ${Else}
        SetShellVarContext current
    ${EndIf}
    Delete "$SMPROGRAMS\${APP}.lnk"
    Delete "$DESKTOP\${APP}.lnk"
    ; exactly the files of the bundle, then their folders if empty (never RMDir /r on $INSTDIR:
    ; the user may have chosen a folder that holds other files)
    !include "${FILES_INC}"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    ${If} $AllUsers == 0
        RMDir "$LOCALAPPDATA\Programs" ; only when empty: the installer may have created it
    ${EndIf}
    ${If} $AllUsers == 1
        DeleteRegKey HKLM "${UNINST_KEY}"
    ${Else}
        DeleteRegKey HKCU "${UNINST_KEY}"
    ${EndIf}
    ; the checked pack the program keeps to start faster (content/pack_cache.py): rebuilt on demand, not
    ; the user's; the settings and the log beside it stay unless the section below is chosen
    SetShellVarContext current
    RMDir /r "$LOCALAPPDATA\zusammenleben\zusammenleben\cache"
SectionEnd

Section /o "un.$(SecSettings)" UnSecSettings
    ; Qt keeps the settings and the log in %LOCALAPPDATA%\<organisation>\<application> (zusammenleben\zusammenleben)
    SetShellVarContext current
    RMDir /r "$LOCALAPPDATA\zusammenleben"
SectionEnd

; after the sections: .onInit functions refer to section indexes
Function un.onInit
    StrCpy $AllUsers 0
    StrCpy $RemoveSettings 0
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "/AllUsers" $R1
    ${IfNot} ${Errors}
        StrCpy $AllUsers 1
    ${EndIf}
    ReadRegStr $R2 HKLM "${UNINST_KEY}" "InstallLocation"
    ${If} $R2 == $INSTDIR
        StrCpy $AllUsers 1
    ${EndIf}
    ${If} $AllUsers == 1
        UserInfo::GetAccountType
        Pop $R9
        ${If} $R9 != "Admin"
            MessageBox MB_OK|MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
            SetErrorLevel 740
            Quit
        ${EndIf}
    ${EndIf}
    ClearErrors
    ${GetOptions} $R0 "/RemoveSettings" $R1
    ${IfNot} ${Errors}
        SectionSetFlags ${UnSecSettings} ${SF_SELECTED}
    ${EndIf}
FunctionEnd
