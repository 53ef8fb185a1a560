"""The report's only style sheet, inline so the page needs no request of its own: light and
dark schemes, a one-column layout on phones, and print rules that keep colours and show
link targets on paper.
"""
from __future__ import annotations

CSS = """
:root{--sup:#1a7f37;--con:#cf222e;--dis:#9a6700;--unv:#6e7781;--ink:#1f2328;--mute:#59636e;--line:#d1d9e0;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem;margin:.25rem 0 .5rem}h4{font-size:.95rem;margin:.25rem 0 .5rem;color:var(--mute)}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
a{color:#0969da}table{border-collapse:collapse;width:100%}.scroll{overflow-x:auto}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
.meta{color:var(--mute)}.toc td:first-child{width:8.5rem}.toc a{color:inherit}.where{color:var(--mute);font-size:.9em}
.bar{display:flex;height:1.4rem;border-radius:.3rem;overflow:hidden;margin:.75rem 0;border:1px solid var(--line)}
.seg{color:#fff;font-size:.8rem;text-align:center;line-height:1.4rem}
.s-supported,.b-supported{background:var(--sup)}.s-contradicted,.b-contradicted{background:var(--con)}
.s-disputed,.b-disputed{background:var(--dis)}.s-unverified,.b-unverified{background:var(--unv)}.b-none{background:#afb8c1}
.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.badge{display:inline-block;color:#fff;border-radius:1rem;padding:0 .6rem;font-size:.8rem;font-weight:600;white-space:nowrap}
.tag,.flag{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;font-size:.8rem;background:var(--bg)}
.flag{border-color:var(--con);color:var(--con);background:#fff}
.q-altered,.q-misattributed,.q-not-found{border-color:var(--con);color:var(--con)}.q-exact{border-color:var(--sup);color:var(--sup)}
.conf{font-size:.9em}
.item,.comment{border:1px solid var(--line);border-left:.4rem solid #afb8c1;border-radius:.4rem;padding:.75rem 1rem;margin:1rem 0}
.v-supported{border-left-color:var(--sup)}.v-contradicted{border-left-color:var(--con)}.v-disputed{border-left-color:var(--dis)}.v-unverified{border-left-color:var(--unv)}
.muted{color:var(--mute);background:var(--bg)}.line{margin:0}
.claim{font-weight:600}.reason{margin:.4rem 0}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin-top:.5rem}
.side,.related{min-width:0}.related{margin-top:.5rem}.related .ev{font-size:.9rem;background:#fff;border:1px dashed var(--line)}
.ev{margin:0 0 .75rem;padding:.5rem .75rem;background:var(--bg);border-radius:.3rem}
.supports .ev{border-left:3px solid var(--sup)}.contradicts .ev{border-left:3px solid var(--con)}
blockquote{margin:0;font-family:Georgia,"Times New Roman",serif;overflow-wrap:anywhere}
.ev p{margin:.3rem 0 0;font-size:.875rem}.cite{color:var(--mute)}
.none{color:var(--mute);font-style:italic}
mark{background:#fff8c5;color:inherit;padding:0 .1em}
mark.val{font-weight:700;padding:0 .2em;border-radius:.2em}mark.diff{background:#ffcecb;outline:1px solid var(--con)}
mark.same{background:#aceebb}mark.claim{background:#ddf4ff;outline:1px solid #54aeff}
.legend{font-size:.875rem;color:var(--mute)}
.said{border-left:3px solid var(--line);padding-left:.75rem}
.sub{margin-top:.5rem;padding-top:.5rem;border-top:1px dashed var(--line)}
.d1{margin-left:1.5rem}.d2{margin-left:3rem}.d3{margin-left:4.5rem}.d4,.d5,.d6{margin-left:6rem}
.hash{word-break:break-all}.unsafe{color:var(--con);overflow-wrap:anywhere}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;font-size:.875rem;margin:.5rem 0 0}
dl.fields dt{color:var(--mute)}dl.fields dd{margin:0;overflow-wrap:anywhere}
footer{margin-top:2rem;color:var(--mute);font-size:.85rem}
@media screen and (prefers-color-scheme:dark){:root{--ink:#e6edf3;--mute:#9198a1;--line:#3d444d;--bg:#151b23}
body{background:#0d1117}a{color:#4493f8}.b-none{background:#656c76}.flag,.related .ev{background:#0d1117}
mark{color:#1f2328}.muted{background:#151b23}}
@media (max-width:40rem){main{padding:.6rem}.sides{grid-template-columns:1fr}
.d1,.d2,.d3,.d4,.d5,.d6{margin-left:.75rem}.item,.comment{padding:.6rem .7rem}h1{font-size:1.35rem}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit}
a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;overflow-wrap:anywhere}
.bar,.seg,.badge,mark,.ev{-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2,h3{break-after:avoid}.ev{break-inside:avoid}}
"""
