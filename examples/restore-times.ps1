# Gives the files of the example images the times their stories have (Windows' form of restore-times.sh, which says
# why): each examples\NAME.times lists 'TIME<TAB>PATH' for the files of examples\NAME. Only files listed there,
# inside examples\NAME, are touched; a file that already has its time is left alone. exhunt.cmd runs it.
$ErrorActionPreference = 'Stop'
foreach ($list in Get-ChildItem -LiteralPath $PSScriptRoot -Filter '*.times' -File) {
    $image = Join-Path $PSScriptRoot $list.BaseName
    if (-not (Test-Path -LiteralPath $image -PathType Container)) { continue }
    foreach ($line in Get-Content -LiteralPath $list.FullName -Encoding UTF8) {
        if (-not $line -or $line.StartsWith('#')) { continue }
        $time, $path = $line -split "`t", 2
        if (-not $path -or $path -match '(^|/)\.\.(/|$)' -or $path.StartsWith('/')) { continue }   # never outside the image
        $file = Join-Path $image ($path -replace '/', '\')
        if (-not (Test-Path -LiteralPath $file -PathType Leaf)) { continue }
        $when = [DateTime]::Parse($time, [Globalization.CultureInfo]::InvariantCulture,
            [Globalization.DateTimeStyles]::AdjustToUniversal -bor [Globalization.DateTimeStyles]::AssumeUniversal)
        $item = Get-Item -LiteralPath $file
        if ($item.LastWriteTimeUtc -ne $when) { $item.LastWriteTimeUtc = $when }
    }
}
