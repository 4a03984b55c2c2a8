-- Allowed parent → child links (DOMAIN §1.1, §1.4). Reference rules, not demo data.
insert into orgstructure.link_rule_set (code, name, legal_basis, valid_from, valid_to) values
    ('TREE_4_LEVEL', 'Hệ thống tổ chức 4 cấp (Trung ương – tỉnh – huyện – cơ sở)',
     'Điều lệ Đảng 2011; Quy định 45-QĐ/TW (01/11/2011), 29-QĐ/TW (25/07/2016), 24-QĐ/TW (30/07/2021), 232-QĐ/TW (20/01/2025)',
     date '1930-02-03', date '2025-07-01'),
    ('TREE_3_LEVEL_2025', 'Hệ thống tổ chức 3 cấp (Trung ương – tỉnh – xã), không tổ chức cấp huyện',
     'Quy định 294-QĐ/TW (26/05/2025), hiệu lực từ 01/07/2025',
     date '2025-07-01', null);

insert into orgstructure.link_rule (rule_set_code, parent_type, child_type)
select rs, p, c from (values
    ('CENTRAL', 'PROVINCIAL'),
    ('PROVINCIAL', 'UPPER_GRASSROOTS'),
    ('PROVINCIAL', 'GRASSROOTS_COMMITTEE'),
    ('PROVINCIAL', 'GRASSROOTS_CELL'),
    ('UPPER_GRASSROOTS', 'GRASSROOTS_COMMITTEE'),
    ('UPPER_GRASSROOTS', 'GRASSROOTS_CELL'),
    ('GRASSROOTS_COMMITTEE', 'PARTIAL_COMMITTEE'),
    ('GRASSROOTS_COMMITTEE', 'CELL'),
    ('PARTIAL_COMMITTEE', 'CELL'),
    ('GRASSROOTS_CELL', 'PARTY_GROUP'),
    ('CELL', 'PARTY_GROUP')
) links (p, c)
cross join (values ('TREE_4_LEVEL'), ('TREE_3_LEVEL_2025')) sets (rs);
