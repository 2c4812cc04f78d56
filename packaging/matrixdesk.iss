; Inno Setup 6 script: builds dist\MatrixDesk-Setup-<version>.exe from dist\MatrixDesk (made by
; matrixdesk.spec). `python packaging/build.py` runs PyInstaller and then this script with
; /DAppVersion=<version of pyproject.toml>, so the version has one source.
;
; - Per-user install (no administrator rights on locked-down office PCs), in
;   %LOCALAPPDATA%\Programs\MatrixDesk; .mdesk files open with MatrixDesk on double-click and
;   show its icon.
; - Upgrades in place: the AppId never changes, so a new version finds the old folder and its
;   uninstall entry; the runtime folder (_internal) is deleted first, so no DLL of an older Qt
;   or Python stays beside the new ones; a running MatrixDesk is closed first.
; - Chinese: a stock Inno Setup 6 has no Chinese messages; ChineseSimplified.isl (ours) is laid
;   over the English Default.isl, so any message it lacks appears in English.

#ifndef AppVersion
  #define AppVersion GetFileVersion(AddBackslash(SourcePath) + "..\dist\MatrixDesk\MatrixDesk.exe")
#endif
#if AppVersion == ""
  #error AppVersion is unknown: build with packaging\build.py (it passes /DAppVersion from pyproject.toml)
#endif
#ifndef AppNumber
  #define AppNumber AppVersion
#endif

[Setup]
AppId={{CF7828E6-F8F1-4D2F-9DC9-8A7C2D34084A}
AppName=MatrixDesk
AppVersion={#AppVersion}
AppVerName=MatrixDesk {#AppVersion}
AppPublisher=MatrixDesk
VersionInfoVersion={#AppNumber}
VersionInfoProductName=MatrixDesk
DefaultDirName={autopf}\MatrixDesk
DefaultGroupName=MatrixDesk
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64
ArchitecturesInstallIn64BitMode=x64
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=MatrixDesk-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\matrixdesk.ico
UninstallDisplayIcon={app}\MatrixDesk.exe
UninstallDisplayName=MatrixDesk {#AppVersion}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl,ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.PlanFileType=MatrixDesk plan

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; the whole runtime of the previous version goes before the new one is copied in
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\MatrixDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\MatrixDesk"; Filename: "{app}\MatrixDesk.exe"
Name: "{group}\{cm:UninstallProgram,MatrixDesk}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\MatrixDesk"; Filename: "{app}\MatrixDesk.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Software\Classes\.mdesk"; ValueType: string; ValueName: ""; ValueData: "MatrixDesk.Plan"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\MatrixDesk.Plan"; ValueType: string; ValueName: ""; ValueData: "{cm:PlanFileType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\MatrixDesk.Plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\MatrixDesk.exe,0"
Root: HKCU; Subkey: "Software\Classes\MatrixDesk.Plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\MatrixDesk.exe"" ""%1"""

[Run]
Filename: "{app}\MatrixDesk.exe"; Description: "{cm:LaunchProgram,MatrixDesk}"; Flags: nowait postinstall skipifsilent
