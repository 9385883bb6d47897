extension ReviewAssets {
    /// `review.css`: one style sheet for the index and the report pages. System fonts only (no
    /// web font, so no request); colours of at least 4.5:1 contrast on their backgrounds; a
    /// yellow-and-black focus ring that shows on any background; on a wide screen the source
    /// stays beside the records, on a narrow one it opens over the lower part of the screen.
    static let styleSheet = #"""
/* scrutiny review: plain CSS, no framework, nothing fetched. */
:root {
  --ink: #0b0c0c; --muted: #505a5f; --paper: #ffffff; --panel: #f3f2f1; --rule: #b1b4b6;
  --link: #1d4ed8; --focus: #ffdd00; --select: #fff3b0; --mark: #d4351c;
  --warn: #8a4b00; --warn-paper: #fff7e6;
  color-scheme: light;
}
* { box-sizing: border-box; }
html {
  font: 100%/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--paper); -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}
body { margin: 0; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--ink); }
main:focus, main:focus-visible { outline: none; box-shadow: none; }
.skip { position: absolute; left: -9999px; top: 0.5rem; }
.skip:focus { left: 0.5rem; z-index: 20; padding: 0.5rem 1rem; background: var(--focus); color: var(--ink); }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  clip-path: inset(50%); white-space: nowrap;
}

.masthead { padding: 0.75rem 1.25rem 0.75rem; border-bottom: 4px solid var(--ink); }
.crumbs { margin: 0; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.25rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; line-height: 1.3; margin: 1.5rem 0 0.5rem; }
.byline { margin: 0.25rem 0 0; color: var(--muted); }
.count {
  display: inline-block; min-width: 1.7em; padding: 0 0.4em; border-radius: 1em; background: var(--panel);
  font-size: 0.85em; text-align: center; font-weight: 600;
}
main { display: block; padding: 0 1.25rem 2rem; min-width: 0; }

.warnings { margin-top: 1rem; padding: 0.1rem 1rem 0.6rem; border-left: 6px solid var(--warn); background: var(--warn-paper); }
.warnings h2 { margin-top: 0.6rem; color: var(--warn); }
.warnings ul { margin: 0; padding-left: 1.2rem; }

table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
table.records { font-size: 0.9rem; }
table.records th, table.records td { padding: 0.4rem 0.45rem; }
table.records thead th { white-space: normal; vertical-align: bottom; }
caption { text-align: left; font-weight: 700; padding: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.none, p.none, span.none { color: var(--muted); font-style: italic; }
td.text { min-width: 16rem; max-width: 42rem; overflow-wrap: anywhere; }
td.raw { white-space: nowrap; font-weight: 600; }
td.hash { font: 0.85rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
td ul { margin: 0 0 0.4rem; padding-left: 1.1rem; }
.list-label { margin: 0; font-weight: 600; font-size: 0.85rem; }
.fields { max-width: 60rem; }
.fields th { width: 9rem; font-weight: 600; }
.fields td { overflow-wrap: anywhere; }
.table-scroll { position: relative; overflow-x: auto; }

tr.record { cursor: pointer; }
tr.record:hover { background: #f6f6f5; }
tr.record.selected { background: var(--select); box-shadow: inset 5px 0 0 var(--ink); }
td.where { min-width: 7.5rem; }
td.where .section { display: block; color: var(--muted); font-size: 0.85rem; }
.badge {
  display: inline-block; margin-top: 0.2rem; padding: 0 0.35rem; border: 1px solid var(--muted);
  border-radius: 0.25rem; font-size: 0.8rem; color: var(--muted);
}

/* The source beside the records. */
.workspace { display: grid; grid-template-columns: minmax(0, 1fr) minmax(20rem, 38%); align-items: start; }
.viewer {
  position: sticky; top: 0; height: 100vh; display: flex; flex-direction: column;
  border-left: 1px solid var(--rule); background: var(--panel);
}
.viewer-bar { position: relative; padding: 0.5rem 1rem 0; }
.viewer h2 { margin: 0.25rem 0 0; }
.source-file { margin: 0; color: var(--muted); font-size: 0.85rem; overflow-wrap: anywhere; }
.viewer-status { margin: 0.25rem 1rem 0.5rem; font-size: 0.9rem; }
.pages, .lines { flex: 1 1 auto; min-height: 0; overflow: auto; }
.pages { padding: 0 1rem 1rem; }
.page { margin: 0 0 1rem; }
.sheet { position: relative; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.4); }
.sheet img { display: block; width: 100%; height: auto; }
.page figcaption { font-size: 0.85rem; color: var(--muted); text-align: center; }
.mark {
  position: absolute; border: 3px solid var(--mark); border-radius: 3px; background: rgba(255, 221, 0, 0.3);
  box-shadow: 0 0 0 2px #fff; pointer-events: none;
}
.lines {
  margin: 0 1rem 1rem; padding: 0.5rem 0.5rem 0.5rem 4.5em; background: #fff;
  font: 0.85rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
.lines li { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0.05rem 0.3rem; }
.lines li::marker { color: var(--muted); }
.lines li.heading { font-weight: 700; }
.lines li.running_header, .lines li.running_footer { color: var(--muted); }
.lines li.current { background: var(--select); outline: 3px solid var(--mark); }
.close { display: none; }

/* The index. */
.filters {
  display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-end;
  margin: 1rem 0; padding: 0.75rem 1rem; background: var(--panel);
}
.filters[hidden] { display: none; }
.filters label { display: flex; flex-direction: column; font-weight: 600; font-size: 0.9rem; }
select {
  font: inherit; font-weight: 400; min-width: 12rem; max-width: 22rem; padding: 0.3rem;
  border: 2px solid var(--ink); border-radius: 0; background: #fff; color: var(--ink);
}
.shown { margin: 0 0 0 auto; }
button.sort {
  font: inherit; font-weight: 700; color: var(--ink); background: none; border: 0; padding: 0;
  cursor: pointer; text-align: inherit;
}
button.sort::after { content: " \2195"; color: var(--muted); }
th[aria-sort="ascending"] button.sort::after { content: " \25B2"; color: var(--ink); }
th[aria-sort="descending"] button.sort::after { content: " \25BC"; color: var(--ink); }
.reports thead th { white-space: normal; vertical-align: bottom; }
.reports td.title { min-width: 16rem; }
.reports td.title a { font-weight: 600; }
.reports .source-file, .problem { display: block; font-size: 0.8rem; }
.problem { color: var(--warn); }
details summary { cursor: pointer; color: var(--link); }
details ul { min-width: 16rem; margin: 0.25rem 0; padding-left: 1rem; text-align: left; }

/* A phone or a narrow window: one column; the source opens over the lower part of the screen. */
@media (max-width: 60rem) {
  .workspace { display: block; }
  .viewer { position: static; height: auto; border-left: 0; border-top: 4px solid var(--ink); }
  .js .viewer {
    position: fixed; top: auto; left: 0; bottom: 0; width: 100vw; height: 62vh; z-index: 10; visibility: hidden;
    transform: translateY(105%); transition: transform 0.2s, visibility 0.2s; box-shadow: 0 -2px 12px rgba(0, 0, 0, 0.35);
  }
  .js body.viewing .viewer { transform: none; visibility: visible; }
  .js body.viewing main { padding-bottom: 64vh; }
  .js .close {
    display: inline-block; position: absolute; right: 0.75rem; top: 0.5rem; font: inherit; font-weight: 600;
    padding: 0.3rem 0.75rem; border: 2px solid var(--ink); background: #fff; color: var(--ink); cursor: pointer;
  }
  .masthead, main { padding-left: 0.75rem; padding-right: 0.75rem; }
  .fields th { width: 6.5rem; }
  h1 { font-size: 1.35rem; }
}
@media (prefers-reduced-motion: reduce) { .js .viewer { transition: none; } }
@media print { .viewer, .skip, .filters { display: none; } .workspace { display: block; } }
"""#
}
