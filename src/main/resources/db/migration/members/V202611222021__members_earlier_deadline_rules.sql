-- Deadline rule sets before 01/11/2011, so that the history of long-standing members can be judged
-- under the rules of its time (DOMAIN §2.2: "party age for long-standing members must be computed
-- with historical rules"). [R] The values below are recollections to be checked against the texts.
insert into members.deadline_rule_set (code, name, legal_basis, valid_from, valid_to) values
    ('DL_1976', 'Điều lệ Đảng 1976–2006 (thời kỳ dự bị)',
     'Điều lệ Đảng các khóa IV–X. [R] Thời kỳ dự bị 12 tháng; các thời hạn khác không được áp dụng cho giai đoạn này',
     date '1976-12-20', date '2007-10-31'),
    ('QD23_2007', 'Quy định 23-QĐ/TW thi hành Điều lệ Đảng 2006',
     'Điều lệ Đảng 2006; Quy định 23-QĐ/TW (31/10/2007). [R] Thời hạn giả định như Quy định 45-QĐ/TW, cần đối chiếu văn bản gốc',
     date '2007-10-31', date '2011-11-01');

insert into members.deadline_rule (rule_set_code, kind, amount, unit, reference)
values ('DL_1976', 'PROBATION_END', 12, 'MONTHS', 'Điều lệ Đảng: thời kỳ dự bị 12 tháng kể từ ngày tổ chức lễ kết nạp');

insert into members.deadline_rule (rule_set_code, kind, amount, unit, reference)
select 'QD23_2007', kind, amount, unit, replace(reference, 'QĐ 45-QĐ/TW', 'QĐ 23-QĐ/TW')
from members.deadline_rule where rule_set_code = 'QD45_2011';
