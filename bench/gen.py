#!/usr/bin/env python3
"""Deterministic benchmark corpus for isscheck (Python 3 standard library only).

    bench/gen.py OUTDIR [--count N] [--big-persons N] [--seed S]

writes, in isscheck's declaration format (man 5 isscheck-declaration):

  OUTDIR/batch/decl-NNNN.yaml   N declarations (default 1000) of 4-10 KB with
                                Japanese text, mixing the five categories, their
                                sub-types and several reference dates (29 February
                                among them); about one in ten has a planted defect
  OUTDIR/manifest.tsv           file, expected exit status, the rules that must fail
                                (exactly those: "-" when none)
  OUTDIR/big/big-1x.yaml        one large provider (--big-persons persons, default
  OUTDIR/big/big-2x.yaml        40000, about 20 MB) and its 2x and 4x siblings
  OUTDIR/big/big-4x.yaml

The same seed gives the same bytes.  Every declaration is built so that its
verdicts are known: a clean one fails no rule (review is allowed: the
catalogue is unverified), a defective one fails exactly the rules recorded.
"""
import argparse
import datetime as dt
import os
import random

CATS = ["aud", "va", "df", "mon", "dv"]
# reference dates: fiscal-year starts, a mid-year date and two 29 Februaries
REF_DATES = ["2026-04-01", "2025-10-01", "2027-01-15", "2028-02-29", "2024-02-29", "2026-09-30"]

COMPANY = ["さくら", "みなと", "ひばり", "いちょう", "しらかば", "あおば", "かもめ", "つばき", "ふじみ",
           "はやぶさ", "こだま", "すずらん", "なぎさ", "もみじ", "やまびこ"]
COMPANY_KIND = ["セキュリティ", "サイバー研究所", "情報保全", "ネットワークス", "監査サービス", "電子鑑識",
                "SOC", "テクノロジーズ", "システム監査"]
SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田",
            "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"]
GIVEN = ["太郎", "花子", "健一", "美咲", "翔太", "陽菜", "大輔", "結衣", "拓也", "さくら", "直樹",
         "愛", "亮", "真由美", "誠"]
# qualifications by category (names or alias spellings the catalogue knows)
QUALS = {
    "aud": ["公認情報セキュリティ主任監査人", "システム監査技術者", "CISA", "情報処理安全確保支援士",
            "ISMS主任審査員"],
    "va": ["情報処理安全確保支援士", "OSCP", "CISSP", "RISS", "GPEN", "登録セキスペ"],
    "df": ["GCFA", "EnCE", "CDFP-P", "情報処理安全確保支援士", "CHFI"],
    "mon": ["GCIA", "CISSP", "情報処理安全確保支援士", "GCIH", "CompTIA CySA+"],
    "dv": ["OSCP", "CISSP", "情報処理安全確保支援士", "CEH", "GPEN"],
}
OTHER_QUALS = ["基本情報技術者", "応用情報技術者", "ネットワークスペシャリスト", "CCNA", "AWS Certified Security",
               "LPIC-2", "データベーススペシャリスト"]
SUBTYPES = {"aud": [[]], "va": [["web"], ["web", "platform"], ["platform"], ["web", "mobile"]],
            "df": [["device"], ["device", "ediscovery"], ["ediscovery"]],
            "mon": [["mss"], ["mss", "monitoring"], ["combined"], ["monitoring"]],
            "dv": [["device"], ["device+web"], ["device+platform"]]}
KINDS = {"aud": ["assurance", "advisory"], "va": ["web", "platform", "mobile", "other"],
         "df": ["device", "ediscovery"], "mon": ["mss", "appliance", "monitoring"],
         "dv": ["device", "web", "platform"]}
SECTIONS = {"aud": ["process", "output"], "va": ["process", "output"],
            "df": ["quality_manual", "report_terms"], "mon": ["process", "output"],
            "dv": ["process.spec_coordination", "process.method", "process.requests", "output"]}
PREFIX = {"aud": "AUD", "va": "VA", "df": "DF", "mon": "MON", "dv": "DV"}
NAME_JA = {"aud": "情報セキュリティ監査", "va": "脆弱性診断", "df": "デジタルフォレンジック",
           "mon": "セキュリティ監視・運用", "dv": "機器検証"}
CLIENTS = ["地方銀行", "自治体", "製造業", "病院", "大学", "EC事業者", "保険会社", "物流事業者", "通信事業者",
           "電力会社"]


def day(ref, offset):
    """ref + offset days, as YYYY-MM-DD."""
    return (ref + dt.timedelta(days=offset)).isoformat()


class Decl:
    """Builds one declaration as text, section by section."""

    def __init__(self, rnd, ref, tag):
        self.rnd = rnd
        self.ref = ref
        self.tag = tag  # person/engagement id prefix
        self.persons = []  # lines
        self.engagements = []
        self.services = []
        self.np = 0
        self.ne = 0

    def pid(self):
        self.np += 1
        return "%s%03d" % (self.tag, self.np)

    def eid(self):
        self.ne += 1
        return "E%s%03d" % (self.tag, self.ne)

    def person(self, pid, comment=None, quals=(), trainings=(), extra=()):
        r = self.rnd
        lines = []
        if comment:
            lines.append("  # " + comment)
        lines.append("  - id: %s" % pid)
        lines.append("    name: %s %s" % (r.choice(SURNAMES), r.choice(GIVEN)))
        if quals:
            lines.append("    qualifications:")
            for q in quals:
                lines.append("      - name: %s" % q["name"])
                if q.get("number"):
                    lines.append('        number: "%s"' % q["number"])
                lines.append("        acquired: %s" % q["acquired"])
                if q.get("expires"):
                    lines.append("        expires: %s" % q["expires"])
                lines.append("        evidence: 資格証明書の写し %s" % pid)
        if trainings:
            lines.append("    trainings:")
            for t in trainings:
                lines.append("      - {name: %s, completed: %s, evidence: 修了証 %s}" % (t[0], t[1], pid))
        lines.extend(extra)
        self.persons.append("\n".join(lines))

    def qual(self, name, expires=True):
        r = self.rnd
        return {"name": name, "number": "%06d" % r.randrange(10 ** 6),
                "acquired": day(self.ref, -r.randrange(400, 2500)),
                "expires": day(self.ref, r.randrange(60, 1000)) if expires else None}

    def engagement(self, cat, kind, start, end, contract, staff, reviews, comment=None):
        eid = self.eid()
        text = []
        if comment:
            text.append("  # " + comment)
        text.append("  - id: %s" % eid)
        text.append("    category: %s" % cat)
        text.append("    kind: %s" % kind)
        text.append("    start: %s" % start)
        if end:
            text.append("    end: %s" % end)
        text.append("    contract: %s" % contract)
        text.append("    staff: [%s]" % ", ".join(staff))
        if reviews:
            text.append("    reviews:")
            for doc, by in reviews:
                text.append("      - {document: %s, by: %s}" % (doc, by))
        text.append("    evidence: 契約書・報告書 %s（%s 向け）" % (eid, self.rnd.choice(CLIENTS)))
        self.engagements.append("\n".join(text))
        return eid


def case_reviews(cat, staff, qm):
    """Reviews that satisfy the category's case-review rule."""
    if cat in ("va", "dv"):
        return [("inspection-report", qm)]
    if cat == "aud":
        return [("audit-plan", qm), ("audit-report", qm)]
    if cat == "df":
        return [("investigation-report", staff[0])]
    return []


def window_case(rnd, ref):
    """A finished case well inside the three-year window."""
    start = -rnd.randrange(60, 900)
    return day(ref, start), day(ref, start + rnd.randrange(10, 50))


def service_block(d, cat, subtypes, lead_ids, counts, qm, defect, extra_leads=None):
    r = d.rnd
    s = ["  - category: %s" % cat]
    if subtypes:
        s.append("    subtypes: [%s]" % ", ".join(subtypes))
    s.append("    technical_leads:")
    s.append("      persons: [%s]" % ", ".join(lead_ids))
    if counts is not None:
        s.append("      counts: {%s}" % ", ".join("%s: %d" % kv for kv in counts))
    else:
        s.append("      evidence: 技術責任者リスト %s" % d.ref.isoformat()[:7])
    if extra_leads:
        s.extend(extra_leads)
    if defect != "no_qm":
        s.append("    quality_manager: %s" % qm)
    sections = SECTIONS[cat][:-1] if defect == "manual_section" else SECTIONS[cat]
    s.append("    manual:")
    s.append("      sections: [%s]" % ", ".join(sections))
    s.append("      evidence: %s品質管理マニュアル 第%d版" % (NAME_JA[cat], r.randrange(1, 9)))
    if cat == "aud":
        s.append("    standards:")
        s.append("      - {name: 情報セキュリティ監査基準, evidence: 監査サービス仕様書 2章}")
        s.append("      - {name: 情報セキュリティ管理基準, evidence: 監査サービス仕様書 2章}")
        s.append("    education:")
        s.append("      - {name: JASA 公認情報セキュリティ監査人 継続教育（CPE）, evidence: 教育計画}")
    elif cat == "va":
        s.append("    standards:")
        s.append("      - {name: %s, evidence: サービス仕様書 2.1}"
                 % r.choice(["OWASP ASVS", "OWASP Application Security Verification Standard",
                             "OWASP Testing Guide"]))
        s.append("    result_handling:")
        s.append("      - {name: 診断結果の取扱いに関する規程, evidence: サービス仕様書 4}")
        s.append("    education:")
        s.append("      - {name: 社内脆弱性診断研修, evidence: 教育計画}")
    elif cat == "df":
        s.append("    standards:")
        s.append("      - {name: 証拠保全ガイドライン 第10版, evidence: サービス仕様書 2章}")
        s.append("      - {name: ISO/IEC 27037, evidence: サービス仕様書 2章}")
        s.append("    education:")
        s.append("      - {name: GIAC 資格維持のための継続教育（CPE）, evidence: CPE 取得記録}")
        s.append("      - {name: 社内フォレンジック技術勉強会（月1回）, evidence: 勉強会記録}")
    elif cat == "mon":
        s.append("    compliance:")
        s.append("      - {name: セキュリティ監視・運用サービス仕様書（監視対象・検知・通知・報告の内容）, "
                 "evidence: サービス仕様書 v5}")
        s.append("    statements:")
        s.append("      quality_management:")
        s.append("        text: シフト表による24時間365日の要員確保、アナリストのスキル認定制度、"
                 "運用手順書に基づく作業とダブルチェック、月次の品質会議。")
        s.append("        evidence: 要員管理規程 v2")
        s.append("    education:")
        s.append("      - {name: SOC アナリスト育成プログラム（年間）, evidence: 教育計画}")
    elif cat == "dv":
        web = subtypes[0] != "device"
        s.append("    standards:")
        s.append("      - {name: OWASP IoT Security Testing Guide, evidence: 検証サービス仕様書 2章}")
        if web:
            s.append("      - {name: OWASP ASVS, evidence: 検証サービス仕様書 3章}")
        s.append("    compliance:")
        s.append("      - {name: 機器検証サービス仕様書（検証項目・判定基準）, evidence: 検証サービス仕様書 v3}")
        s.append("    result_handling:")
        s.append("      - {name: 検証結果の取扱規程, evidence: 検証サービス仕様書 5章}")
        if web:
            s.append("      - {name: 診断結果の取扱規程, evidence: 検証サービス仕様書 6章}")
        s.append("    statements:")
        s.append("      target: 依頼者が指定するネットワークカメラ製品（ファームウェアを含む）")
        s.append("      scope: 検証計画書に記載の検証項目（通信、認証、ファームウェア更新）に限る")
        s.append("      responsibility: 当社は検証計画書に定める対象と範囲についてのみ検証の責任を負う")
        s.append("    education:")
        s.append("      - {name: 機器検証技術者研修（ハードウェア解析・無線）, evidence: 教育計画}")
    d.services.append("\n".join(s))


def add_category(d, cat, qm, defect, fillers, auditor):
    """Leads, cases and the service entry of one category."""
    r = d.rnd
    subtypes = r.choice(SUBTYPES[cat])
    leads = []
    nleads = r.randrange(1, 3)
    for _ in range(nleads):
        pid = d.pid()
        leads.append(pid)
        q = d.qual(r.choice(QUALS[cat]))
        if defect == "qual_expired":  # expired before the reference date: counts no more
            q["expires"] = day(d.ref, -r.randrange(1, 90))
        d.person(pid, "%sの技術責任者（資格）/ technical lead by qualification" % NAME_JA[cat], quals=[q])
    counts = None
    extra = None
    if cat == "aud":
        counts = None
    elif cat == "df":
        counts = [("qualification", 0 if defect == "qual_expired" else nleads), ("community", 0),
                  ("training", 0)]
    elif cat == "dv":
        counts = [("qualification", 0 if defect == "qual_expired" else nleads), ("track_record", 0),
                  ("training", 0)]
    else:
        counts = [("qualification", 0 if defect == "qual_expired" else nleads), ("community", 0),
                  ("track_record", 0), ("training", 0)]
    if cat == "dv" and subtypes[0] != "device":
        # the VA part of device verification: a lead with a 例示3-1 training
        vpid = d.pid()
        d.person(vpid, "機器検証の脆弱性診断に従事する者（研修）/ VA staff of device verification",
                 trainings=[("SANS SEC542", day(d.ref, -r.randrange(100, 900)))])
        extra = ["    va_leads:", "      persons: [%s]" % vpid,
                 "      counts: {qualification: 0, community: 0, track_record: 0, training: 1}"]
    # cases: staff from the fillers, reviews by the quality manager (or a staff member)
    ncases = r.randrange(2, 5)
    for i in range(ncases):
        staff = r.sample(fillers, min(len(fillers), r.randrange(1, 3)))
        start, end = window_case(r, d.ref)
        reviews = case_reviews(cat, staff, qm)
        if i == 0 and defect == "review_by_staff":
            reviews = [(doc, staff[0]) for doc, _ in reviews]
        if i == 0 and defect == "audit_by_staff":
            staff = staff + [auditor]
        d.engagement(cat, r.choice(KINDS[cat]), start, end, r.choice(["single", "single", "continuing"]),
                     staff, reviews, "%s案件 / case" % NAME_JA[cat])
    service_block(d, cat, subtypes, leads, counts, qm, defect, extra)


# which rule each defect must fail, for a category
def expected(defect, cat, cats):
    p = PREFIX[cat]
    return {
        "no_qm": ["%s-Q-a" % p],
        "manual_section": ["%s-Q-b" % p],
        "qual_expired": ["%s-T-a" % p if cat != "dv" else "DV-T-a-1"],
        "review_by_staff": ["%s-Q-c-1" % p],
        "audit_by_staff": ["%s-Q-c-3" % p],
        "not_operating": ["%s-Q-c-3" % PREFIX[c] for c in cats],
    }[defect]


def defect_cat(defect, cats):
    """The category a defect is planted in (one it applies to), or None."""
    ok = {"review_by_staff": ("va", "dv", "aud"), "qual_expired": ("aud", "va", "df", "mon"),
          "audit_by_staff": ("aud", "va", "df", "mon", "dv")}
    usable = [c for c in cats if c in ok.get(defect, CATS)]
    return usable[0] if usable else None


def declaration(rnd, index, target, defect):
    ref = dt.date.fromisoformat(rnd.choice(REF_DATES))
    ncat = rnd.choice([1, 1, 1, 2, 2, 3])
    cats = sorted(rnd.sample(CATS, ncat), key=CATS.index)
    dcat = defect_cat(defect, cats) if defect else None
    if defect and not dcat:
        defect = "manual_section"
        dcat = cats[0]
    d = Decl(rnd, ref, "P")
    provider = "株式会社%s%s" % (rnd.choice(COMPANY), rnd.choice(COMPANY_KIND))
    qm = d.pid()
    d.person(qm, "品質管理の担当者・レビュー担当（どの案件にも従事しない）/ quality manager and reviewer")
    auditor = d.pid()
    d.person(auditor, "内部監査室 / internal audit office")
    fillers = []
    for _ in range(rnd.randrange(3, 6)):
        pid = d.pid()
        fillers.append(pid)
        d.person(pid, "診断・調査の担当者 / analyst",
                 quals=[d.qual(rnd.choice(OTHER_QUALS), expires=False)] if rnd.random() < 0.5 else ())
    for c in cats:
        add_category(d, c, qm, defect if c == dcat else None, fillers, auditor)
    # pad with staff and cases to the target size: more analysts, more cases
    def render():
        head = ["# ベンチマーク用の申告書 %04d（bench/gen.py が生成）: %s" % (index, "・".join(NAME_JA[c] for c in cats)),
                "# Benchmark declaration %04d generated by bench/gen.py; categories: %s" % (index, ", ".join(cats)),
                "isscheck: 1", "provider:", "  name: %s" % provider,
                '  corporate_number: "%013d"' % rnd_corp, "reference_date: %s" % ref.isoformat(), "",
                "persons:"]
        body = head + d.persons + ["", "engagements:"] + d.engagements + ["", "services:"] + d.services
        body += ["", "customer_info_protection:", "  procedure: 顧客情報の取扱規程 第%d版" % proc_v,
                 "  in_operation: %s" % ("false" if defect == "not_operating" else "true"), "  audits:",
                 "    - {date: %s, type: internal, auditor: %s, evidence: 内部監査報告書}" % (day(ref, -audit_off), auditor)]
        return "\n".join(body) + "\n"
    rnd_corp = rnd.randrange(10 ** 12, 10 ** 13)
    proc_v = rnd.randrange(1, 6)
    audit_off = rnd.randrange(20, 300)
    text = render()
    while len(text.encode()) < target:
        c = rnd.choice(cats)
        if rnd.random() < 0.5:
            pid = d.pid()
            fillers.append(pid)
            d.person(pid, "%sの担当者 / staff" % NAME_JA[c],
                     quals=[d.qual(rnd.choice(OTHER_QUALS), expires=False)] if rnd.random() < 0.4 else ())
        else:
            staff = rnd.sample(fillers, min(len(fillers), rnd.randrange(1, 4)))
            start, end = window_case(rnd, ref)
            d.engagement(c, rnd.choice(KINDS[c]), start, end, "single", staff, case_reviews(c, staff, qm),
                         "%s案件（%s）" % (NAME_JA[c], rnd.choice(CLIENTS)))
        text = render()
    fails = sorted(set(expected(defect, dcat, cats))) if defect else []
    return text, fails


def big(rnd, npersons):
    """One large provider: every category, npersons persons, about 1.5 engagements each."""
    ref = dt.date.fromisoformat("2028-02-29")
    d = Decl(rnd, ref, "B")
    qm = d.pid()
    d.person(qm, "品質管理の担当者 / quality manager")
    auditor = d.pid()
    d.person(auditor, "内部監査室 / internal audit office")
    leads = {c: [] for c in CATS}
    nleads = max(5, npersons // 400)
    for c in CATS:
        for _ in range(nleads):
            pid = d.pid()
            leads[c].append(pid)
            d.person(pid, "%sの技術責任者 / technical lead" % NAME_JA[c],
                     quals=[d.qual(rnd.choice(QUALS[c])), d.qual(rnd.choice(OTHER_QUALS), expires=False)])
    vlead = d.pid()
    d.person(vlead, "機器検証の脆弱性診断 / VA staff of device verification",
             trainings=[("SANS SEC542", day(ref, -300))])
    staff_pool = []
    while d.np < npersons:
        pid = d.pid()
        staff_pool.append(pid)
        d.person(pid, "担当者 / analyst",
                 quals=[d.qual(rnd.choice(OTHER_QUALS), expires=False)] if rnd.random() < 0.3 else ())
    neng = npersons * 3 // 2
    for i in range(neng):
        c = CATS[i % 5]
        staff = rnd.sample(staff_pool, rnd.randrange(1, 4))
        start, end = window_case(rnd, ref)
        reviews = case_reviews(c, staff, qm)
        if c == "df" and i % 2:
            # reviewed by a qualified lead who is not on the case: weighed against DF-T-a
            reviews = [("investigation-report", rnd.choice(leads["df"]))]
        d.engagement(c, rnd.choice(KINDS[c]), start, end, rnd.choice(["single", "continuing"]), staff, reviews)
    for c in CATS:
        sub = {"aud": [], "va": ["web", "platform"], "df": ["device", "ediscovery"], "mon": ["mss"],
               "dv": ["device+web"]}[c]
        n = len(leads[c])
        counts = {"aud": None, "df": [("qualification", n), ("community", 0), ("training", 0)],
                  "dv": [("qualification", n), ("track_record", 0), ("training", 0)]}.get(
            c, [("qualification", n), ("community", 0), ("track_record", 0), ("training", 0)])
        extra = None
        if c == "dv":
            extra = ["    va_leads:", "      persons: [%s]" % vlead,
                     "      counts: {qualification: 0, community: 0, track_record: 0, training: 1}"]
        service_block(d, c, sub, leads[c], counts, qm, None, extra)
    body = ["# 大規模事業者のベンチマーク用申告書（bench/gen.py が生成）/ a large provider, generated",
            "isscheck: 1", "provider:", "  name: 株式会社おおぞらセキュリティホールディングス",
            "reference_date: %s" % ref.isoformat(), "", "persons:"] + d.persons
    body += ["", "engagements:"] + d.engagements + ["", "services:"] + d.services
    body += ["", "customer_info_protection:", "  procedure: 顧客情報の取扱規程 第9版", "  in_operation: true",
             "  audits:", "    - {date: %s, type: internal, auditor: %s, evidence: 内部監査報告書}" % (day(ref, -30), auditor),
             "    - {date: %s, type: external, organisation: 〇〇監査法人, evidence: 外部監査報告書}" % day(ref, -200)]
    return "\n".join(body) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--big-persons", type=int, default=40000)
    ap.add_argument("--seed", type=int, default=20261123)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(os.path.join(a.outdir, "batch"), exist_ok=True)
    os.makedirs(os.path.join(a.outdir, "big"), exist_ok=True)
    defects = ["no_qm", "manual_section", "qual_expired", "review_by_staff", "audit_by_staff", "not_operating"]
    rows = []
    for i in range(a.count):
        defect = defects[(i // 10) % len(defects)] if i % 10 == 7 else None
        text, fails = declaration(rnd, i, rnd.randrange(4300, 9500), defect)
        name = "batch/decl-%04d.yaml" % i
        with open(os.path.join(a.outdir, name), "w", encoding="utf-8") as f:
            f.write(text)
        rows.append("%s\t%d\t%s\t%s" % (name, 1 if fails else 0, ",".join(fails) or "-", defect or "-"))
    with open(os.path.join(a.outdir, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\texit\tfailing rules\tdefect\n")
        f.write("\n".join(rows) + "\n")
    for k in (1, 2, 4):
        text = big(random.Random(a.seed + k), a.big_persons * k)
        with open(os.path.join(a.outdir, "big", "big-%dx.yaml" % k), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
