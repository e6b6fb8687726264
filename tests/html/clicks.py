"""clicks.py prepare HTML OUT TEXT [OLD NEW] | clicks.py check HTML DOM TEXT QUERY - the HTML
report's controls driven as a user drives them (tests/html/clicks.sh).

prepare writes OUT, a copy of the page HTML with a test script appended
that clicks the verdict boxes (el.click(), which fires the click, input and
change events a real click fires), types TEXT into the text filter (value
set, then a bubbling input event, as typing fires), clicks each summary
heading it sorts by, twice to reverse it, and presses Enter and Space on
one (a keydown on the focused heading), focuses every control, and after
each step notes what the page then shows (the cells hidden, the summary's
rows in order, each heading's aria-sort, the matrix rows hidden); last it
keeps those notes in sessionStorage and reloads the page, notes what the
page shows reloaded, and writes them all as JSON into
<pre id="clicks-observed">, which Chromium's --dump-dom prints.
With OLD NEW, the page's own script has OLD replaced by NEW (a handler
broken on purpose: the check must then fail).

check reads that from DOM and compares each step with what the static page
says it must be: as loaded and reloaded, what the page's QUERY asks
(?show=…&q=…&sort=…&order=…; none: everything, in the page's order);
then a cell is shown when its verdict's box is on and it contains the
text typed (trimmed, any case); after the n-th activation of a heading
in a row the rows are those of the page, ordered by that column
(numerically for a count), ascending the first time, then reversed at each
repeat; only that heading has aria-sort; a matrix row is hidden when all
its cells are; Enter and Space on a focused heading are taken (their
default prevented); every control can take the focus and is visible.
Every step must change what is shown (so no step passes by doing
nothing), and no filter step may show everything or nothing.  Prints one line; exits 1 on any problem."""
import base64
import hashlib
import html
import json
import re
import sys
import urllib.parse

from check_page import number, parse

# The boxes are unticked and ticked again, the text typed and cleared:
# ("box", VERDICT) clicks that verdict's box, ("text", T) types T.
FILTER_STEPS = [("box", "pass"), ("box", "na"), ("text", None), ("box", "pass"),
                ("text", "")]

SCRIPT = r"""
(function(){
var steps=%s,log=[],i;
var saved=sessionStorage.getItem('clicks-log');
var filter=document.querySelector('.filter');
var table=document.querySelector('table.summary');
var heads=table?table.tHead.rows[0].cells:[];
function visible(el){return el.getClientRects().length>0;}
function observe(step){
var o={step:step,hidden:[],rows:[],aria:[],matrix:[]};
var items=document.querySelectorAll('details.cell,p.absent');
for(var i=0;i<items.length;i++)o.hidden.push(items[i].hidden||!visible(items[i]));
if(table){
var body=table.tBodies[0];
for(i=0;i<body.rows.length;i++){var r=[];
for(var j=0;j<body.rows[i].cells.length;j++)r.push(body.rows[i].cells[j].textContent.trim());
o.rows.push(r);}
for(i=0;i<heads.length;i++)o.aria.push(heads[i].getAttribute('aria-sort'));}
var trs=document.querySelectorAll('.matrix tr');
for(i=0;i<trs.length;i++){var n=0,its=trs[i].querySelectorAll('details.cell,p.absent');
for(var k=0;k<its.length;k++)if(!its[k].hidden)n++;
o.matrix.push([trs[i].hidden,n]);}
log.push(o);}
function keydown(el,key){
el.focus();
var e=new KeyboardEvent('keydown',{key:key,bubbles:true,cancelable:true});
el.dispatchEvent(e);
return {focused:document.activeElement===el,prevented:e.defaultPrevented};}
try{
if(saved){sessionStorage.removeItem('clicks-log');log=JSON.parse(saved);observe(['reload']);}
else{observe(['start']);
for(i=0;i<steps.length-1;i++){
var s=steps[i],extra=null;
if(s[0]==='box'){
var b=filter.querySelector('input[type=checkbox][value="'+s[1]+'"]');
b.click();}
else if(s[0]==='text'){
var t=filter.querySelector('input[type=search]');
t.focus();t.value=s[1];
t.dispatchEvent(new InputEvent('input',{bubbles:true,inputType:'insertText',data:s[1]}));}
else if(s[0]==='head'){
if(s[2]==='click')heads[s[1]].click();else extra=keydown(heads[s[1]],s[2]);}
else if(s[0]==='focus'){
var cs=document.querySelectorAll('.filter input,table.summary thead th'),f=[];
for(var c=0;c<cs.length;c++){cs[c].focus();
f.push([cs[c].tagName,cs[c].tabIndex,document.activeElement===cs[c],visible(cs[c])]);}
extra=f;}
observe(s);
if(extra)log[log.length-1].extra=extra;}
sessionStorage.setItem('clicks-log',JSON.stringify(log));
location.reload();return;}
}catch(e){log.push({error:String(e)});}
var pre=document.createElement('pre');
pre.id='clicks-observed';pre.textContent=JSON.stringify(log);
document.body.appendChild(pre);
})();
"""


def steps_for(page, text):
    """The steps; the last, a reload, is taken after the others (their
    observations kept in sessionStorage across it)."""
    steps = []
    if page.filter_hidden is not None:
        steps += [["text", text if t is None else t] if k == "text" else [k, t]
                  for k, t in FILTER_STEPS]
    if page.heads:
        # A count (numeric: 10 after 9), the file name, twice each to
        # reverse; then Enter and Space on the provider's heading.
        steps += [["head", 3, "click"], ["head", 3, "click"], ["head", 3, "click"],
                  ["head", 0, "click"], ["head", 0, "click"],
                  ["head", 1, "Enter"], ["head", 1, " "]]
    steps += [["focus"], ["reload"]]
    return steps


def sha(text):
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def prepare(src, out, text, old=None, new=None):
    with open(src, encoding="utf-8") as f:
        doc = f.read()
    page = parse(src)
    if old is not None:
        # A broken handler, to show that the check fails: the page's script
        # changed, and its new hash in the policy so that it still runs.
        own = page.scripts[0]
        if own.count(old) != 1:
            sys.exit(f"clicks: {old!r} is not once in the page's script")
        doc = doc.replace(sha(own), sha(own.replace(old, new)))
        doc = doc.replace(own, own.replace(old, new))
    script = SCRIPT % json.dumps(steps_for(page, text))
    # The page's policy stays in force, with this script's hash added: a
    # handler that broke it (an inline handler, eval, a load) is still
    # refused and logged (the shipped policy itself: check_page.py).
    csp = re.compile(r"(script-src '[^']*')")
    if len(csp.findall(doc)) != 1 or doc.count("</body>") != 1:
        sys.exit(f"clicks: {src}: no single policy and </body> to add the test to")
    doc = csp.sub(lambda m: f"{m.group(1)} '{sha(script)}'", doc)
    doc = doc.replace("</body>", f"<script>{script}</script>\n</body>")
    with open(out, "w", encoding="utf-8") as f:
        f.write(doc)


def check(src, dom, text, query):
    page = parse(src)
    steps = steps_for(page, text)
    problems = []

    def bad(msg):
        problems.append(f"html: {dom}: {msg}")

    with open(dom, encoding="utf-8") as f:
        m = re.search(r'<pre id="clicks-observed">(.*?)</pre>', f.read(), re.S)
    if not m:
        bad("no observations: the test script did not run")
        return problems
    log = json.loads(html.unescape(m.group(1)))
    if log and "error" in log[-1]:
        bad(f"the test script failed: {log[-1]['error']}")
        return problems
    if len(log) != len(steps) + 1:
        bad(f"{len(log)} observations for {len(steps)} steps")
        return problems
    boxes = re.findall(r'<input type="checkbox" value="(\w+)" checked>', open(src).read())
    asked = urllib.parse.parse_qs(query)

    def loaded():
        """What the page shows as loaded, from its ?QUERY (as run.sh checks)."""
        on = set(asked["show"][0].split(",")) & set(boxes) if "show" in asked else set(boxes)
        by = int(asked["sort"][0]) if "sort" in asked else None
        down = by is not None and asked.get("order", [""])[0] == "desc"
        return on, asked.get("q", [""])[0], by, down

    on, typed, by, down = loaded()
    prev = None
    for n, (step, o) in enumerate(zip([["start"]] + steps, log)):
        where = f"step {n} {step}"
        if step[0] == "box":
            on ^= {step[1]}
        elif step[0] == "text":
            typed = step[1]
        elif step[0] == "reload":
            on, typed, by, down = loaded()
        elif step[0] == "head":
            down = by == step[1] and not down
            by = step[1]
            if step[2] != "click" and o.get("extra") != {"focused": True, "prevented": True}:
                bad(f"{where}: heading not focused or key not taken: {o.get('extra')}")
        q = typed.strip().lower()
        want = [not (v in on and q in t.lower()) for v, t, _, _ in page.items]
        if o["hidden"] != want:
            diff = [i for i, (w, g) in enumerate(zip(want, o["hidden"])) if w != g]
            bad(f"{where}: {o['hidden'].count(True)} cells hidden, expected {want.count(True)}; "
                f"first wrong: {diff[:5]}")
        filtered = step[0] in ("box", "text") or (
            step[0] in ("start", "reload") and ("show" in asked or "q" in asked))
        if filtered and (all(want) or not any(want)):
            bad(f"{where}: shows {'nothing' if all(want) else 'everything'}: no test of it")
        for tr, (hidden, shown) in enumerate(o["matrix"]):
            if hidden != (shown == 0):
                bad(f"{where}: matrix row {tr} hidden={hidden} with {shown} cells shown")
        if by is None:
            if o["rows"] != page.rows:
                bad(f"{where}: summary rows moved before any sorting")
        else:
            numeric = page.heads[by][0]
            keys = [number(r[by]) if numeric else r[by] for r in o["rows"]]
            if sorted(o["rows"]) != sorted(page.rows) or keys != sorted(keys, reverse=down):
                bad(f"{where}: rows {[r[0] for r in o['rows']]} not by column {by} "
                    f"{'descending' if down else 'ascending'}")
            aria = [None] * len(page.heads)
            aria[by] = "descending" if down else "ascending"
            if o["aria"] != aria:
                bad(f"{where}: aria-sort {o['aria']}, expected {aria}")
        if step[0] == "focus":
            for tag, tab, focused, visible in o["extra"]:
                if tab < 0 or not focused or not visible:
                    bad(f"{where}: a {tag} is not reachable by keyboard "
                        f"(tabIndex {tab}, focused {focused}, visible {visible})")
        elif prev is not None and (o["hidden"], o["rows"], o["aria"]) == prev:
            bad(f"{where}: nothing changed: no test of it")
        prev = (o["hidden"], o["rows"], o["aria"])
    print(f"{src}: {len(steps)} steps driven, {len(page.items)} cells, "
          f"{len(page.rows)} summary rows")
    return problems


def main():
    if sys.argv[1:2] == ["prepare"] and len(sys.argv) in (5, 7):
        prepare(*sys.argv[2:])
        return
    if sys.argv[1:2] != ["check"] or len(sys.argv) != 6:
        sys.exit(__doc__)
        return
    problems = check(*sys.argv[2:])
    for p in problems:
        print(p, file=sys.stderr)
    sys.exit(1 if problems else 0)


main()
