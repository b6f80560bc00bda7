namespace Stance.Core.Reports;

/// <summary>The report's one stylesheet, inlined into every page (screen and print).</summary>
public static partial class HtmlReport
{
    private const string Css = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0072B2; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: #eef1f5; }
body { margin: 0; color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1120px; margin: 24px auto; background: #fff; padding: 28px 36px 20px; border: 1px solid var(--line); border-radius: 10px; }
h1 { font-size: 26px; margin: 0 0 2px; letter-spacing: -0.01em; }
h2 { font-size: 21px; margin: 0 0 2px; }
h3 { font-size: 16px; margin: 26px 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h4 { font-size: 14px; margin: 0 0 8px; }
h5 { font-size: 14px; margin: 0 0 6px; }
.sub, .scheme, .note, figcaption, footer { color: var(--muted); }
.sub { margin: 0 0 12px; font-size: 15px; }
.muted { color: var(--muted); font-weight: 400; font-size: 14px; text-transform: uppercase; letter-spacing: 0.06em; margin-right: 6px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 13px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.toc { margin-top: 12px; font-size: 13px; }
.toc a { color: var(--accent); }
.top { padding-bottom: 16px; border-bottom: 2px solid var(--ink); }
section.head { padding-top: 22px; margin-top: 8px; }
section.head + section.head { border-top: 2px solid var(--ink); margin-top: 30px; }
.scheme { margin: 0 0 14px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin-bottom: 16px; }
.kpi { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.kname { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
.kval { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
.knote { font-size: 12px; color: var(--muted); }
.pair { display: flex; gap: 10px 28px; align-items: flex-start; flex-wrap: wrap; }
.pair-chart { flex: 0 1 470px; }
.pair-side { flex: 1 1 300px; }
.pair-chart.rel { flex: 0 1 342px; }
.pair-side.rel { flex: 1 1 240px; }
.pair-side table { margin-top: 0; }
.pair-side .note { font-size: 12px; }
.legend { font-size: 11.5px; color: var(--muted); margin: 0 0 6px; white-space: pre-wrap; }
.legend .dot { color: #0072B2; }
.legend .diamond { color: #D55E00; }
.cols { display: flex; gap: 16px; align-items: flex-start; margin-bottom: 16px; }
.col { flex: 1 1 0; min-width: 0; display: flex; flex-direction: column; gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px 10px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 12px; margin-top: 8px; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.chart { fill: var(--ink); }
svg text { font-size: 12px; }
svg .lbl { font-size: 12.5px; }
svg .small { font-size: 11px; }
svg .tiny { font-size: 9.5px; fill: var(--muted); }
svg .tick { font-size: 10.5px; fill: var(--muted); }
svg .count { font-size: 16px; font-weight: 650; }
svg .axis-title { font-size: 11px; fill: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
svg .muted-fill { fill: var(--muted); }
svg .gridline { stroke: #e4e8ee; stroke-width: 1; }
svg rect.diag { stroke: #1f2328; stroke-width: 1.5; }
table { border-collapse: collapse; font-size: 12px; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); padding: 3px 8px 3px 0; }
td { padding: 3px 8px 3px 0; border-bottom: 1px solid #eef1f4; vertical-align: top; }
table.num td, table.num th { text-align: right; font-variant-numeric: tabular-nums; }
table.num td:first-child, table.num th:first-child { text-align: left; }
table.num td.folds, table.num th.folds { text-align: left; color: var(--muted); padding-left: 6px; }
table.calib { margin-top: 10px; }
tr.sum td { font-weight: 650; border-top: 1px solid var(--line); }
.ngrams { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px; }
.ngram-card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; break-inside: avoid; page-break-inside: avoid; }
.ngram-kind { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; margin: 6px 0 2px; }
.ngram-list { list-style: none; margin: 0; padding: 0; }
.ngram-list li { display: grid; grid-template-columns: minmax(0, 1.5fr) 1fr 34px; align-items: center; gap: 6px; font-size: 12.5px; line-height: 1.6; }
.gram { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.gram .from { color: var(--muted); font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, "DejaVu Sans", sans-serif; font-size: 11px; margin-left: 6px; }
.gram sup { color: var(--muted); font-size: 9px; margin-left: 2px; }
.wbar { height: 8px; background: #eef1f4; border-radius: 4px; overflow: hidden; }
.wbar span { display: block; height: 100%; background: var(--accent); border-radius: 4px; }
.wval { font-size: 11px; color: var(--muted); text-align: right; font-variant-numeric: tabular-nums; }
table.examples { width: 100%; }
table.examples td.text { width: 62%; }
table.examples td.where { color: var(--muted); white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.examples tr { break-inside: avoid; page-break-inside: avoid; }
.tag { display: inline-block; padding: 0 6px; border-radius: 10px; background: #e8eef5; font-size: 11.5px; white-space: nowrap; }
.tag.wrong { background: #fbe3d6; color: #8a3200; }
.empty { font-size: 15px; padding: 20px 0; }
footer { font-size: 11.5px; margin-top: 26px; padding-top: 10px; border-top: 1px solid var(--line); }
@media screen and (max-width: 820px) { main { padding: 18px; margin: 0; border-radius: 0; } .cols { flex-direction: column; } .col { width: 100%; } }
@page { size: A4; margin: 12mm; }
@media print {
  html { background: #fff; }
  body { font-size: 11.5px; }
  main { max-width: none; margin: 0; padding: 0; border: none; }
  section.head + section.head { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .kpis { grid-template-columns: repeat(5, 1fr); gap: 6px; }
  .kval { font-size: 20px; }
  figure { padding: 10px 12px 8px; }
  .cols, .col { display: block; }
  .col > figure { margin-bottom: 10px; }
  .ngrams { grid-template-columns: repeat(3, 1fr); gap: 8px; }
  .toc a { color: inherit; text-decoration: none; }
}

""";
}
