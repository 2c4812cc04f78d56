; Inno Setup script: builds MatrixDesk-Setup.exe from dist\MatrixDesk (made by the PyInstaller spec).
; Installs per user (no administrator rights on locked-down office PCs) and registers .mdesk files.
[Setup]
AppName=MatrixDesk
AppVersion=0.1.0
DefaultDirName={userpf}\MatrixDesk
DefaultGroupName=MatrixDesk
PrivilegesRequired=lowest
OutputBaseFilename=MatrixDesk-Setup
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\MatrixDesk\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\MatrixDesk"; Filename: "{app}\MatrixDesk.exe"
Name: "{userdesktop}\MatrixDesk"; Filename: "{app}\MatrixDesk.exe"

[Registry]
Root: HKCU; Subkey: "Software\Classes\.mdesk"; ValueType: string; ValueData: "MatrixDesk.Plan"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\MatrixDesk.Plan"; ValueType: string; ValueData: "MatrixDesk 责任矩阵"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\MatrixDesk.Plan\shell\open\command"; ValueType: string; ValueData: """{app}\MatrixDesk.exe"" ""%1"""
