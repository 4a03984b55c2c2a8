-- Admission and re-admission rule sets (DOMAIN §2.1, §2.2): the age of a person admitted and the
-- conditions of re-admission (kết nạp lại), each with its legal basis and validity, chosen by the
-- date of the admission or re-admission decision. Reference data, not demo data.
--
-- Age: "tại thời điểm chi bộ xét kết nạp, người vào Đảng phải đủ 18 tuổi đến đủ 60 tuổi (tính theo
-- tháng)" (QĐ 29/24/232-QĐ/TW item 1.1). Stored in completed months: 216 to 720. The registry
-- records the admission decision date, not the date of the cell's resolution, so the age is judged
-- on the decision date. Over 60 only by the committee directly under the Centre (HD 01-HD/TW 2021
-- item 1.1); the registry does not model that exception and refuses.
--
-- Re-admission (QĐ 29/24/232/294-QĐ/TW item 3.5): all the conditions of a first admission (age
-- included), at least 36 months after leaving the Party, only once (3.5.3), probation again
-- (3.5.4); never for those who left for the reasons of 3.5.2 that the registry records.
create table members.admission_rule_set (
    code                       text primary key,
    name                       text    not null,
    legal_basis                text    not null,
    valid_from                 date    not null,
    valid_to                   date,
    min_age_months             integer not null check (min_age_months > 0),
    -- null: no upper age limit in this rule set
    max_age_months             integer check (max_age_months > min_age_months),
    age_reference              text    not null,
    -- null: re-admission conditions not set by this rule set (only the age applies)
    readmission_min_months_out integer check (readmission_min_months_out >= 0),
    readmission_max_times      integer check (readmission_max_times >= 0),
    readmission_reference      text,
    check (valid_to is null or valid_to > valid_from)
);

-- Ways of leaving the Party after which re-admission is never considered (item 3.5.2):
--   LEFT                      xin ra khỏi Đảng (the exception "vì lý do gia đình đặc biệt khó khăn" is not modelled)
--   REMOVED:<RemovalGround>   xóa tên on that ground
--   EXPELLED                  khai trừ
-- The other reasons of 3.5.2 (corruption or serious crime convictions, serious disunity) are not
-- recorded by the registry; the competent committee checks them.
create table members.readmission_exclusion (
    rule_set_code text not null references members.admission_rule_set (code),
    exit          text not null check (exit ~ '^(LEFT|EXPELLED|REMOVED:[A-Z_]+)$'),
    reference     text not null,
    primary key (rule_set_code, exit)
);

insert into members.admission_rule_set (code, name, legal_basis, valid_from, valid_to, min_age_months, max_age_months,
                                        age_reference, readmission_min_months_out, readmission_max_times,
                                        readmission_reference) values
    ('ADM_1930', 'Điều lệ Đảng các thời kỳ trước năm 2007 (tuổi vào Đảng)',
     'Điều lệ Đảng các khóa trước Đại hội X. [R] Đủ 18 tuổi, không giới hạn tuổi tối đa; điều kiện kết nạp lại không áp dụng cho giai đoạn này, cần đối chiếu văn bản gốc',
     date '1930-02-03', date '2007-10-31', 216, null,
     'Điều lệ Đảng Điều 1: công dân Việt Nam từ 18 tuổi trở lên', null, null, null),
    ('ADM_QD23_2007', 'Quy định 23-QĐ/TW: tuổi vào Đảng và kết nạp lại',
     'Điều lệ Đảng 2006; Quy định 23-QĐ/TW (31/10/2007). [R] Giả định như Quy định 45-QĐ/TW, cần đối chiếu văn bản gốc',
     date '2007-10-31', date '2011-11-01', 216, 720,
     'Điều lệ Đảng Điều 1; QĐ 23-QĐ/TW mục 1: đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)', 36, 1,
     'QĐ 23-QĐ/TW: kết nạp lại sau ít nhất 36 tháng kể từ khi ra khỏi Đảng, chỉ một lần, phải qua thời kỳ dự bị'),
    ('ADM_QD45_2011', 'Quy định 45-QĐ/TW: tuổi vào Đảng và kết nạp lại',
     'Điều lệ Đảng 2011; Quy định 45-QĐ/TW (01/11/2011). [R] Giả định như Quy định 29-QĐ/TW, cần đối chiếu văn bản gốc',
     date '2011-11-01', date '2016-07-25', 216, 720,
     'Điều lệ Đảng Điều 1; QĐ 45-QĐ/TW mục 1.1: đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)', 36, 1,
     'QĐ 45-QĐ/TW mục 3.4: kết nạp lại sau ít nhất 36 tháng kể từ khi ra khỏi Đảng, chỉ một lần, phải qua thời kỳ dự bị'),
    ('ADM_QD29_2016', 'Quy định 29-QĐ/TW: tuổi vào Đảng và kết nạp lại',
     'Điều lệ Đảng 2011; Quy định 29-QĐ/TW (25/07/2016) mục 1.1 và 3.5',
     date '2016-07-25', date '2021-07-30', 216, 720,
     'Điều lệ Đảng Điều 1; QĐ 29-QĐ/TW mục 1.1: đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)', 36, 1,
     'QĐ 29-QĐ/TW mục 3.5: kết nạp lại sau ít nhất 36 tháng kể từ khi ra khỏi Đảng (3.5.1), chỉ một lần (3.5.3), phải qua thời kỳ dự bị (3.5.4)'),
    ('ADM_QD24_2021', 'Quy định 24-QĐ/TW: tuổi vào Đảng và kết nạp lại',
     'Điều lệ Đảng 2011; Quy định 24-QĐ/TW (30/07/2021) mục 1.1 và 3.5; Hướng dẫn 01-HD/TW (28/09/2021) mục 1.1',
     date '2021-07-30', date '2025-01-20', 216, 720,
     'Điều lệ Đảng Điều 1; QĐ 24-QĐ/TW mục 1.1: đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)', 36, 1,
     'QĐ 24-QĐ/TW mục 3.5: kết nạp lại sau ít nhất 36 tháng kể từ khi ra khỏi Đảng (3.5.1), chỉ một lần (3.5.3), phải qua thời kỳ dự bị (3.5.4)'),
    ('ADM_QD232_2025', 'Quy định 232-QĐ/TW: tuổi vào Đảng và kết nạp lại',
     'Điều lệ Đảng 2011; Quy định 232-QĐ/TW (20/01/2025) mục 1.1 và 3.5',
     date '2025-01-20', date '2025-07-01', 216, 720,
     'Điều lệ Đảng Điều 1; QĐ 232-QĐ/TW mục 1.1: đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)', 36, 1,
     'QĐ 232-QĐ/TW mục 3.5: kết nạp lại sau ít nhất 36 tháng kể từ khi ra khỏi Đảng (3.5.1), chỉ một lần (3.5.3), phải qua thời kỳ dự bị (3.5.4)'),
    ('ADM_QD294_2025', 'Quy định 294-QĐ/TW: tuổi vào Đảng và kết nạp lại',
     'Điều lệ Đảng 2011; Quy định 294-QĐ/TW (26/05/2025), hiệu lực từ 01/07/2025, mục 3.5; Hướng dẫn 06-HD/TW (09/06/2025). [R] Tuổi giả định không đổi so với Quy định 232-QĐ/TW',
     date '2025-07-01', null, 216, 720,
     'Điều lệ Đảng Điều 1; QĐ 294-QĐ/TW mục 1.1: đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)', 36, 1,
     'QĐ 294-QĐ/TW mục 3.5: kết nạp lại sau ít nhất 36 tháng kể từ khi ra khỏi Đảng (3.5.1), chỉ một lần (3.5.3), phải qua thời kỳ dự bị (3.5.4)');

-- Item 3.5.2: "không xem xét kết nạp lại những người trước đây ra khỏi Đảng vì lý do: tự bỏ sinh
-- hoạt đảng; làm đơn xin ra Đảng (trừ trường hợp vì lý do gia đình đặc biệt khó khăn); …".
-- The registry's removal ground SKIPPED_ACTIVITY_OR_DUES joins "bỏ sinh hoạt" with unpaid dues,
-- which do not exclude; it is therefore not listed, and the committee checks the cause.
insert into members.readmission_exclusion (rule_set_code, exit, reference)
select code, 'LEFT', split_part(readmission_reference, ':', 1)
                    || ': không xem xét kết nạp lại người đã làm đơn xin ra khỏi Đảng'
from members.admission_rule_set where readmission_reference is not null;
