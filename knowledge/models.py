"""Data model of the knowledge base: notices, their clauses, attachments and facts.

Every fact carries ``clause``: the reference (``"四、（一）2."``) of the clause it was
extracted from, so an answer built from a fact can always quote its source.

Shapes::

    Notice
    ├── meta: NoticeMeta            title, issuers, 文号, issue date, place, programmes
    ├── clauses: list[Clause]       the section tree, flattened in reading order
    ├── attachments: list[Attachment]   attached forms as field lists
    └── facts: Facts                deadlines, contacts, subsidies, conditions, materials, ...
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, Field


class Place(BaseModel):
    """A city or district a notice applies to.

    Attributes:
        name: Full name as written, e.g. ``"温州市鹿城区"`` or ``"太仓市"``.
        city: The prefecture-level city, e.g. ``"温州市"``, ``"苏州市"``.
        short: The short name users type, e.g. ``"鹿城"``, ``"太仓"``.
        province: e.g. ``"浙江省"``; empty when unknown.
        level: ``"national"``, ``"province"``, ``"city"`` (prefecture level) or
            ``"county"`` (district, county, county-level city); empty when unknown.
        area_code: Landline area code, e.g. ``"0577"``; empty when unknown.
        aliases: Other names that select this place (short forms, pinyin, counties).
    """

    name: str
    city: str = ""
    short: str = ""
    province: str = ""
    level: str = ""
    area_code: str = ""
    aliases: list[str] = Field(default_factory=list)


class NoticeMeta(BaseModel):
    """Header data of a notice.

    Attributes:
        title: e.g. ``"关于做好2024年太仓市技能大师工作室申报工作的通知"``.
        issuers: Issuing bodies in order, e.g. ``["太仓市人力资源和社会保障局"]``.
        doc_number: 文号 such as ``"太人社职〔2024〕7号"``; empty when the notice has none.
        issue_date: Date of the signature block, ``None`` when absent.
        year: The programme year (from the title, else the issue date).
        place: The city/district the notice applies to.
        programmes: e.g. ``["技能大师工作室", "企业首席技师"]``.
        table_places: The places of its quota table's rows (a provincial notice's cities,
            a city's towns), which a question may name instead of the notice's place.
    """

    title: str
    issuers: list[str] = Field(default_factory=list)
    doc_number: str = ""
    issue_date: dt.date | None = None
    year: int | None = None
    place: Place
    programmes: list[str] = Field(default_factory=list)
    table_places: list[str] = Field(default_factory=list)


class Clause(BaseModel):
    """One numbered unit of a notice's body (a heading with its text).

    Attributes:
        ref: Stable reference built from the numbering path, e.g. ``"四、（一）2."``;
            ``"正文"`` for unnumbered preamble, ``"附件1"`` for attachments.
        heading: The clause's own heading or first sentence (≤ 40 characters).
        text: The clause's full text, line breaks inside sentences repaired.
        line: 1-based line number in the source document where the clause starts.
        level: Depth in the section tree (1 for ``一、``, 2 for ``（一）``, ...).
        parent: ``ref`` of the enclosing clause, empty at top level.
    """

    ref: str
    heading: str
    text: str
    line: int
    level: int = 1
    parent: str = ""


class FormField(BaseModel):
    """One field of an attached application form.

    Attributes:
        label: Field label as printed, whitespace removed, e.g. ``"出生年月"``.
        section: Form section the field belongs to, e.g. ``"领办人基本情况"``.
        repeated: True for a column of a repeated table (team members, awards).
        group: Name of the repeated group (``"工作室其他成员"``), empty otherwise.
        signature: True for cells filled by officials (意见/盖章), not the applicant.
        options: Printed choices (``□高级技师 □技师`` → ``["高级技师", "技师"]``).
        hint: The form's own note on what to write (``（包括带徒人数…可另附页）``).
        long: True when the form leaves room for a paragraph (a hint, 可另附页).
        row: 0-based index of the row (in :attr:`Attachment.rows`) the label sits in.
        unit: The unit printed after the blank (``其中高级技师：______人`` → ``"人"``).
    """

    label: str
    section: str = ""
    repeated: bool = False
    group: str = ""
    signature: bool = False
    options: list[str] = Field(default_factory=list)
    hint: str = ""
    long: bool = False
    row: int = -1
    unit: str = ""


class Attachment(BaseModel):
    """An attachment (附件) of a notice, usually an application form.

    Attributes:
        number: ``"1"``, ``"2"``... or ``""`` for a single unnumbered attachment.
        title: e.g. ``"太仓市技能大师工作室申请表"``.
        line: 1-based line where the attachment starts.
        fields: The form's fields in order (empty for non-form attachments).
        text: The raw attachment text.
        rows: The form's grid as printed: one list of cell texts per table row, an
            empty string for a cell the applicant fills (printed forms follow it).
    """

    number: str
    title: str
    line: int
    fields: list[FormField] = Field(default_factory=list)
    text: str = ""
    rows: list[list[str]] = Field(default_factory=list)


class DeadlineStatus(StrEnum):
    """How precisely a notice states a deadline."""

    FIXED = "fixed"  # a real calendar date
    PLACEHOLDER = "placeholder"  # "XX月XX日前": the notice left the date blank
    UNSPECIFIED = "unspecified"  # "另行通知": to be announced


class Deadline(BaseModel):
    """A due date stated by a notice.

    Attributes:
        what: What is due, e.g. ``"报送申报材料"``, ``"完成初审，上报推荐名单"``.
        date_text: The date as written, e.g. ``"8 月 20 日前"``, ``"XX月XX日前"``.
        date: The ISO date when resolvable (year taken from the notice), else ``None``.
        time: Time of day as written (``"24:00"``), empty when not stated.
        status: fixed / placeholder / unspecified.
        actor: Who must meet it (``"各市、区人社局"``), empty when the applicant.
        applicant: True when this is the applicant's own submission deadline.
        round: The round it belongs to (``"第一批"``) when the notice has several.
        closed: True for a round the notice itself says is over (``第一批已于…截止``).
        programme: The programme it is for when the notice has several (``""``: all).
        clause: Reference of the source clause.
        quote: The sentence quoted in answers.
    """

    what: str
    date_text: str
    date: dt.date | None = None
    time: str = ""
    status: DeadlineStatus = DeadlineStatus.FIXED
    actor: str = ""
    applicant: bool = True
    round: str = ""
    closed: bool = False
    programme: str = ""
    clause: str
    quote: str


class Contact(BaseModel):
    """Who to call or write to.

    Attributes:
        persons: Contact persons, e.g. ``["顾雪锋", "俞玲"]``.
        phones: Phone numbers normalised with area code, e.g. ``["0512-53542494"]``.
        emails: e.g. ``["tczjkb@163.com"]``.
        address: Postal address, e.g. ``"太仓市十八港路29号"``.
        office: Office/room or department, e.g. ``"人社局1310、1311办公室"``.
        unit: The bureau or office this contact is for when the notice lists several,
            each with its own person or phone (``"沙坡头区人社局"``), else empty.
        clause: Reference of the source clause.
        programme: The programme these contacts are for when the notice names one, else empty.
        faxes: Fax numbers (never listed as phones), normalised like phones.
        quote: The lines quoted in answers.
    """

    persons: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    faxes: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    address: str = ""
    office: str = ""
    unit: str = ""
    programme: str = ""
    clause: str
    quote: str


class Subsidy(BaseModel):
    """Money granted to a studio or a person.

    Attributes:
        amount_yuan: Amount in yuan (``20000`` for ``2 万元``); ``None`` when the notice
            promises support without an amount (``酌情予以补助``).
        purpose: What it is for, e.g. ``"一次性建设补助经费"``.
        recipient: Who receives it, e.g. ``"技能大师工作室"``, ``"企业首席技师"``.
        condition: When it applies, e.g. ``"年度考核成效显著"``; empty when always.
        programme: The programme it is for when the notice has several, else empty.
        clause: Reference of the source clause.
        quote: The sentence quoted in answers.
    """

    amount_yuan: int | None = None
    purpose: str = ""
    recipient: str = ""
    condition: str = ""
    programme: str = ""
    clause: str
    quote: str


class ConditionKind(StrEnum):
    """Kinds of eligibility condition with a checkable threshold."""

    AGE_MAX = "age_max"  # 年龄不超过 N 周岁
    RETIREMENT_MARGIN = "retirement_margin"  # 距法定退休年龄 N 年以上
    WORKING_AGE = "working_age"  # 在法定劳动年龄内
    TEAM_MIN = "team_min"  # 团队成员不少于 N 人
    QUALIFIED_MEMBERS_MIN = "qualified_members_min"  # N 名具备技师以上资质
    YEARS_RUNNING = "years_running"  # 正常运行满 N 年
    QUALIFICATION = "qualification"  # 技师/高级技师, 国家二级以上
    HONOURS = "honours"  # one of a list of honours
    ONE_OF = "one_of"  # one of N achievement types
    FUNDING_SHARE = "funding_share"  # 教育经费用于...不低于 N%
    UNIQUE = "unique"  # 同一单位相同专业只设一个
    AREA_MIN = "area_min"  # 场地面积不少于 N 平方米
    UNIT_YEARS = "unit_years"  # 依托单位依法设立、正常经营满 N 年
    UNIT_TYPE = "unit_type"  # which units may host: options = allowed, excluded = refused
    NO_REPEAT = "no_repeat"  # 已获评省级…的不再重复申报 / 只能申报其中一类
    ALL_OF = "all_of"  # 应具备下列条件 / 具有下列条件的均可以申报: every listed item
    OTHER = "other"


class Condition(BaseModel):
    """An eligibility condition.

    Attributes:
        kind: See :class:`ConditionKind`.
        subject: Who it applies to: ``"领办人"``, ``"团队"``, ``"工作室"``, ``"单位"``.
        programme: Programme it belongs to (``"技能大师工作室"``/``"企业首席技师"``).
        value: The numeric threshold (years, persons, percent), ``None`` when not numeric.
        options: For honours/one-of lists, the items; for qualification, the levels;
            for unit types, the unit categories admitted (``企业``, ``院校``).
        excluded: For unit types, the categories refused (``机关``, ``事业单位``).
        or_level: For a qualification, a lower level the notice also admits together
            with an honour (``；或具有技师职业资格，且获得下列荣誉之一：…`` → ``"技师"``).
        or_honours: The honours that lower level needs.
        text: The condition as written.
        clause: Reference of the source clause.
    """

    kind: ConditionKind
    subject: str = ""
    programme: str = ""
    value: float | None = None
    options: list[str] = Field(default_factory=list)
    excluded: list[str] = Field(default_factory=list)
    or_level: str = ""
    or_honours: list[str] = Field(default_factory=list)
    text: str
    clause: str


class Material(BaseModel):
    """One item of the required materials list.

    Attributes:
        index: Its number as written (``"1"``, ``"（三）"``, ``"（4）"``).
        name: Short name, e.g. ``"太仓市技能大师工作室申请表"``.
        text: Full item text.
        copies: Number of copies when stated for this item (``一式两份`` → 2).
        condition: When it is required, e.g. ``"企业与院校联合办的"``.
        programme: Programme it belongs to, empty when the notice has one.
        clause: Reference of the source clause.
    """

    index: str
    name: str
    text: str
    copies: int | None = None
    condition: str = ""
    programme: str = ""
    clause: str


class SubmissionRule(BaseModel):
    """How materials are submitted: copies, paper, binding, electronic copy, where.

    Attributes:
        copies: Copies of the bound set (``一式两份`` → 2), ``None`` when not stated.
        paper: e.g. ``"A4"``.
        binding: e.g. ``"装订成册"``.
        electronic: What must also be sent electronically, empty when nothing.
        online: Online submission address (URL) when the notice uses one.
        to: Where/to whom materials go, e.g. ``"市人社局人才与职技管理科"``.
        text: The sentence as written.
        clause: Reference of the source clause.
    """

    copies: int | None = None
    paper: str = ""
    binding: str = ""
    electronic: str = ""
    online: str = ""
    to: str = ""
    text: str
    clause: str


class Quota(BaseModel):
    """How many studios/persons are recognised or may be recommended.

    Attributes:
        count: The number, ``None`` when only a range is given.
        text: The sentence as written (``认定不超过5个``, ``评审认定10个左右``).
        scope: ``"认定"`` (recognised in total) or ``"推荐"`` (per recommender).
        place: The recommending place or unit of a per-place row (``"恩施市"``, ``"州直单位"``),
            empty for a notice-wide quota.
        programme: The programme it is for when the notice has several, else empty.
        clause: Reference of the source clause.
    """

    count: int | None = None
    text: str
    scope: str = ""
    place: str = ""
    programme: str = ""
    clause: str


class SimpleFact(BaseModel):
    """A fact answered by quoting one sentence: validity, procedure, publicity, naming.

    Attributes:
        text: The sentence as written.
        value: A normalised value where it has one (``"5年"``, ``"5个工作日"``,
            the naming pattern ``"太仓市+领办人名字+职业工种名称+技能大师工作室"``).
        programme: The programme it is for when the notice has several, else empty.
        clause: Reference of the source clause.
    """

    text: str
    value: str = ""
    programme: str = ""
    clause: str


class Facts(BaseModel):
    """All structured facts of one notice, each linked to its clause."""

    deadlines: list[Deadline] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    subsidies: list[Subsidy] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)
    submission: list[SubmissionRule] = Field(default_factory=list)
    quotas: list[Quota] = Field(default_factory=list)
    validity: list[SimpleFact] = Field(default_factory=list)
    procedure: list[SimpleFact] = Field(default_factory=list)
    publicity: list[SimpleFact] = Field(default_factory=list)
    naming: list[SimpleFact] = Field(default_factory=list)


class Notice(BaseModel):
    """A parsed notice.

    Attributes:
        id: Stable identifier derived from the source file name, e.g. ``"000_2e12cdb3a8cadbd3"``.
        source: Source file name (not path).
        sha256: Hash of the source text; re-ingesting a changed file replaces the notice.
        meta: Header data.
        clauses: Body clauses in reading order.
        attachments: Attached forms.
        facts: Structured facts.
        text: The text as read from the source file (lines as in the source); the
            parser normalises it (:mod:`knowledge.normalize`) before reading it.
        original: ``{simplified: traditional}`` characters for a notice written in
            traditional script (clauses and facts are stored simplified, for matching;
            quotes are shown in the notice's own script); empty otherwise.
    """

    id: str
    source: str
    sha256: str
    meta: NoticeMeta
    clauses: list[Clause] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    facts: Facts = Field(default_factory=Facts)
    text: str = ""
    original: dict[str, str] = Field(default_factory=dict)

    def in_source_script(self, text: str) -> str:
        """``text`` from this notice's clauses written in the notice's own script
        (traditional for a traditional notice), for quoting."""
        if not self.original:
            return text
        return "".join(self.original.get(ch, ch) for ch in text)

    def clause(self, ref: str) -> Clause | None:
        """Return the clause with reference ``ref``, or ``None``."""
        for c in self.clauses:
            if c.ref == ref:
                return c
        return None

    @property
    def label(self) -> str:
        """Short citation label: ``"太仓市《…通知》（太人社职〔2024〕7号）"``."""
        label = f"{self.meta.place.name}《{self.in_source_script(self.meta.title)}》"
        if self.meta.doc_number:
            label += f"（{self.meta.doc_number}）"
        return label
