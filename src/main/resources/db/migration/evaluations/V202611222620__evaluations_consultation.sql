-- Public consultation on the proposed ratings (công khai lấy ý kiến nhân dân về kết quả đánh giá chất lượng
-- TCCSĐ và đảng viên; seed 002, Đồng Nai 2012). A grassroots organisation opens a time-boxed window
-- for one campaign; a public page reachable only through the window's random token shows its own
-- proposed rating and its members' names with their proposed levels until the window closes.

-- One window. The token is the only way in: 32 base64url characters from SecureRandom (192 bits), so
-- no window can be found from another one. A window ends at closes_at, or earlier when closed with a
-- reason (closed_early_*). The service allows one window that has not ended per organisation and campaign.
create table evaluations.consultation (
    id              bigint generated always as identity primary key,
    campaign_id     bigint      not null references evaluations.campaign (id),
    unit_id         bigint      not null,
    token           text        not null unique check (token ~ '^[A-Za-z0-9_-]{22,64}$'),
    opens_at        timestamptz not null,
    closes_at       timestamptz not null,
    opened_by       text        not null,
    opened_at       timestamptz not null,
    closed_early_at timestamptz,
    closed_early_by text,
    close_reason    text check (char_length(close_reason) <= 1000),
    check (closes_at > opens_at),
    check ((closed_early_at is null) = (close_reason is null)),
    check ((closed_early_at is null) = (closed_early_by is null))
);
create index consultation_unit_idx on evaluations.consultation (unit_id, opens_at desc);
create index consultation_campaign_idx on evaluations.consultation (campaign_id, unit_id);

-- One piece of feedback from the public, about the organisation or one member (rating_id), addressed to
-- the cell it reaches (the member's cell; the organisation itself for feedback on the organisation).
-- client_key is SHA-256 of the client address and a server secret: the rate limits count it, and the
-- raw address is never stored. subject_name keeps who it was about as published at the time.
create table evaluations.consultation_feedback (
    id                bigint generated always as identity primary key,
    consultation_id   bigint      not null references evaluations.consultation (id),
    rating_id         bigint references evaluations.rating (id),
    subject_kind      text        not null check (subject_kind in ('MEMBER', 'ORGANISATION')),
    subject_name      text        not null,
    addressed_unit_id bigint      not null,
    text              text        not null check (char_length(text) between 5 and 2000),
    author_name       text check (char_length(author_name) <= 100),
    submitted_at      timestamptz not null,
    client_key        text        not null check (client_key ~ '^[0-9a-f]{64}$')
);
-- the rate limits: per client and window in the last hour, per window in the last hour
create index consultation_feedback_client_idx on evaluations.consultation_feedback (consultation_id, client_key, submitted_at);
create index consultation_feedback_window_idx on evaluations.consultation_feedback (consultation_id, submitted_at);
-- what a cell reads: feedback addressed to its subtree, newest first
create index consultation_feedback_unit_idx on evaluations.consultation_feedback (addressed_unit_id, submitted_at desc);

-- The server secret behind form stamps (HMAC), subject keys and client keys: made once by the first
-- instance that needs it (32 bytes from SecureRandom), shared by every instance, kept across restarts.
-- tcxd.consultation.secret overrides it.
create table evaluations.consultation_secret (
    id     smallint primary key check (id = 1),
    secret bytea not null check (length(secret) >= 32)
);
