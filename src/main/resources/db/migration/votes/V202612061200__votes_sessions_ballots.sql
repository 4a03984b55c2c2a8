-- Confidence votes (lấy phiếu tín nhiệm, DOMAIN §5): rule sets by date, vote sessions with the
-- voters convened and their attendance, the people voted on (incumbents of titles in cadres), the
-- counting board, one-time credentials, the bulletin board of cast ballots, the paper counts and the
-- frozen results. People are members (members' ids); units are orgstructure's unit ids.
--
-- Secrecy by design: nothing here links a voter to a ballot. A voter row records only THAT the
-- voter received a credential; credentials are stored as tags (sha-256 of the code, never the code),
-- all of a session's tags written in one statement in random order; a ballot row has no serial id, no
-- time and no reference to a voter: its key is its own hash. See docs/votes.md.
create schema if not exists votes;

-- The thresholds of a confidence vote by date; a session keeps the rule set of its date. Each
-- threshold is a fraction with its comparison, because the texts differ: QĐ 96 says "từ 2/3 trở lên"
-- (>=), QĐ 41 "trên 2/3" (>).
create table votes.rule_set (
    code                 text primary key,
    name                 text not null,
    legal_basis          text not null,
    valid_from           date not null,
    valid_to             date,
    quorum_num           integer not null check (quorum_num > 0),
    quorum_den           integer not null check (quorum_den >= quorum_num),
    -- whose number the shares are of: those convened (default [R]), those present, or valid ballots
    denominator          text not null check (denominator in ('CONVENED', 'PRESENT', 'VALID')),
    removal_num          integer not null,
    removal_den          integer not null check (removal_den > 0),
    removal_op           text not null check (removal_op in ('GT', 'GE')),
    removal_basis        text not null,
    dismissal_num        integer,
    dismissal_den        integer check (dismissal_den > 0),
    dismissal_op         text check (dismissal_op in ('GT', 'GE')),
    dismissal_basis      text,
    max_places           integer not null check (max_places > 0),
    notes                text,
    check (valid_to is null or valid_to > valid_from),
    check ((dismissal_num is null) = (dismissal_den is null) and (dismissal_num is null) = (dismissal_op is null))
);

insert into votes.rule_set values
    ('QD262-2014', 'Quy định 262-QĐ/TW về lấy phiếu tín nhiệm',
     'Quy định số 262-QĐ/TW ngày 08/10/2014 của Bộ Chính trị', '2014-10-08', '2023-02-02',
     2, 3, 'CONVENED', 1, 2, 'GT',
     'QĐ 262-QĐ/TW: trên 1/2 phiếu tín nhiệm thấp thì xem xét đưa ra khỏi quy hoạch chức danh cao hơn',
     null, null, null, null, 2,
     'Quorum and denominator [R]: the sources give no figure for QĐ 262; the values of QĐ 96 are used. No dismissal threshold is given for QĐ 262 [R].'),
    ('QD96-2023', 'Quy định 96-QĐ/TW về lấy phiếu tín nhiệm',
     'Quy định số 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị', '2023-02-02', null,
     2, 3, 'CONVENED', 1, 2, 'GT',
     'QĐ 96-QĐ/TW: trên 1/2 đến dưới 2/3 phiếu tín nhiệm thấp thì đưa ra khỏi quy hoạch chức danh cao hơn, xem xét cho thôi giữ chức vụ',
     2, 3, 'GE',
     'QĐ 96-QĐ/TW; QĐ 41-QĐ/TW (2021): từ 2/3 phiếu tín nhiệm thấp trở lên thì cấp có thẩm quyền xem xét miễn nhiệm',
     2, 'QĐ 41-QĐ/TW is reported as "trên 2/3" (>); QĐ 96 as "từ 2/3 trở lên" (>=): the operator is configurable [R].');

-- A vote session (đợt lấy phiếu): the body that votes at a unit, its date and the window for ballots.
create table votes.session (
    id                   bigint generated always as identity primary key,
    unit_id              bigint not null,
    term_id              bigint,
    body                 text not null check (body in ('COMMITTEE', 'STANDING_BOARD')),
    name                 text not null check (length(name) between 1 and 300),
    held_on              date not null,
    opens_at             timestamptz not null,
    closes_at            timestamptz not null check (closes_at > opens_at),
    rule_set_code        text not null references votes.rule_set (code),
    denominator          text not null check (denominator in ('CONVENED', 'PRESENT', 'VALID')),
    state                text not null default 'SETUP' check (state in ('SETUP', 'VOTING', 'CONCLUDED')),
    decision_number      text not null,
    decision_date        date not null,
    decision_body        text not null,
    convened             integer not null default 0,
    present              integer,
    electronic           integer,
    paper                integer,
    -- the paper count (biên bản kiểm phiếu giấy): ballots collected and invalid ones by reason
    paper_collected      integer,
    invalid_not_issued   integer,
    invalid_struck       integer,
    invalid_added        integer,
    invalid_boxes        integer,
    concluded_on         date,
    result_number        text,
    result_date          date,
    result_body          text
);
create index session_unit on votes.session (unit_id, held_on desc);

-- The voters convened. present/mode are the attendance; credential_received says THAT a credential
-- was handed over, never which. counting marks the counting board (ban kiểm phiếu).
create table votes.voter (
    session_id           bigint not null references votes.session (id),
    member_id            bigint not null,
    full_name            text not null,
    position             text,
    present              boolean,
    mode                 text check (mode in ('ELECTRONIC', 'PAPER')),
    credential_received  boolean not null default false,
    counting             text check (counting in ('HEAD', 'MEMBER')),
    primary key (session_id, member_id),
    check (mode is null or present)
);

-- The people voted on: incumbents of titles on the session's date.
create table votes.candidate (
    session_id           bigint not null references votes.session (id),
    member_id            bigint not null,
    incumbency_id        bigint not null,
    full_name            text not null,
    title_name           text not null,
    unit_name            text not null,
    ordinal              integer not null,
    primary key (session_id, member_id)
);
create index candidate_member on votes.candidate (member_id);

-- One-time credentials, by tag only.
create table votes.credential (
    tag                  text primary key check (tag ~ '^[0-9a-f]{64}$'),
    session_id           bigint not null references votes.session (id)
);
create index credential_session on votes.credential (session_id);

-- The bulletin board: a ballot is its canonical content and the hash over it (the voter's receipt).
create table votes.ballot (
    hash                 text primary key check (hash ~ '^[0-9a-f]{64}$'),
    session_id           bigint not null references votes.session (id),
    credential_tag       text not null unique references votes.credential (tag),
    nonce                text not null,
    content              text not null
);
create index ballot_session on votes.ballot (session_id, hash);

-- The counting board's counts of valid paper ballots per person and level.
create table votes.paper_count (
    session_id           bigint not null references votes.session (id),
    member_id            bigint not null,
    high                 integer not null check (high >= 0),
    confidence           integer not null check (confidence >= 0),
    low                  integer not null check (low >= 0),
    primary key (session_id, member_id),
    foreign key (session_id, member_id) references votes.candidate (session_id, member_id)
);

-- The result as concluded, with the rule set and the base it was judged on; never recomputed.
create table votes.result (
    session_id           bigint not null references votes.session (id),
    member_id            bigint not null,
    high                 integer not null,
    confidence           integer not null,
    low                  integer not null,
    blank                integer not null,
    base                 integer not null,
    outcome              text not null check (outcome in ('NONE', 'REMOVAL', 'DISMISSAL')),
    primary key (session_id, member_id),
    foreign key (session_id, member_id) references votes.candidate (session_id, member_id)
);
