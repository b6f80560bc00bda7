#!/bin/sh
# Writes freeze/<set>.tsv: the units the segmenter of the commit that added each held-out set (the rules as they were
# when the set was measured once, not yet tuned on it) finds on that set's pages, one "page<TAB>kind<TAB>line<TAB>text"
# a line. Run from the repository's root; builds each commit's Stance.Core in a temporary folder. Sets named as
# arguments are the only ones written (all when none). From pages-heldout10 on, the segmenter of the day ends with the
# learned unit filter: the rules' units are dumped with it switched off, as the filter is trained on them.
set -e
root=$(pwd)
tmp=$(mktemp -d)
printf '<Project><PropertyGroup><AllowUnsafeBlocks>true</AllowUnsafeBlocks><LangVersion>latest</LangVersion></PropertyGroup></Project>\n' > "$tmp/Directory.Build.props"
for pair in 45ab577:pages-heldout4 f5f1b07:pages-heldout5 ec5f916:pages-heldout6 24c9c3b:pages-heldout7 70e79d9:pages-heldout8 5e178b5:pages-heldout9 ed7d457:pages-heldout10 6d4b425:pages-heldout11 ee422fa:pages-heldout12 b3c322e:pages-heldout13 f5a6376:pages-heldout14 0d99818:pages-heldout15 f104f3d:pages-heldout16 c96a5cc:pages-heldout17 7fc263f:pages-heldout18 86e30ec:pages-heldout19 f9bd2df:pages-heldout20 ae5cf63:pages-heldout21 69bfe6e:pages-heldout22 f6e2a5e:pages-heldout23 9f0d49d:pages-heldout24 50cc3d2:pages-heldout25 567eaf9:pages-heldout26 874c399:pages-heldout27 997faeb:pages-heldout28 004fec7:pages-heldout29 65803b2:pages-heldout30; do
  commit=${pair%%:*}; set=${pair#*:}
  if [ $# -gt 0 ] && ! echo " $* " | grep -q " $set "; then continue; fi
  options=''
  if git cat-file -e "$commit:src/Stance.Core/Text/SegmenterOptions.cs" 2>/dev/null && git show "$commit:src/Stance.Core/Text/SegmenterOptions.cs" | grep -q 'UnitFilter'; then
    options='new SegmenterOptions { UnitFilter = null }'
  fi
  mkdir -p "$tmp/$commit/dump"
  git archive "$commit" src/Stance.Core | tar -x -C "$tmp/$commit"
  cat > "$tmp/$commit/dump/Dump.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><ProjectReference Include="../src/Stance.Core/Stance.Core.csproj" /></ItemGroup>
</Project>
PROJ
  cat > "$tmp/$commit/dump/Program.cs" <<CODE
using Stance.Core.Text;
var segmenter = new ArticleSegmenter($options);
foreach (var path in Directory.GetFiles(args[0], "*.txt").Order(StringComparer.Ordinal))
    foreach (var u in segmenter.Segment(File.ReadAllText(path)))
        Console.WriteLine($"{Path.GetFileName(path)}\t{u.KindName}\t{u.Line}\t{u.Text.Replace('\t', ' ')}");
CODE
  dotnet build "$tmp/$commit/dump" -c Release -nologo -v q
  dotnet "$tmp/$commit/dump/bin/Release/net10.0/Dump.dll" "$root/tests/Stance.Tests/Fixtures/$set" > "$root/tests/Bench/TrainUnitFilter/freeze/$set.tsv"
done
rm -rf "$tmp"
