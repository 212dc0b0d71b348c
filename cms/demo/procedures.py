"""Demo administrative procedures in the national portal's JSON shape, loaded through the importer.

Only 1.012223 is a real national code (see docs/domain.md); the others use a 1.90xxxx range that
the national catalogue does not, and every record says it is demo data.
"""

DEMO_NOTICE = "Dữ liệu minh họa, không thay thế quyết định công bố chính thức."

ETHNIC = "Công tác dân tộc"
RELIGION = "Tín ngưỡng, tôn giáo"
AWARDS = "Thi đua, khen thưởng"
COMPLAINTS = "Giải quyết khiếu nại, tố cáo"


def national_record(
    code, name, field, level, online, days, steps, papers, legal, fee=None, status="ACTIVE", agency=None
):
    return {
        "code": code,
        "name": name,
        "categoriesDetails": [{"name": field}],
        "isProvince": level == "province",
        "isWard": level == "commune",
        "departmentsExecuting": agency
        or ("Ủy ban nhân dân cấp xã" if level == "commune" else "Sở Dân tộc và Tôn giáo tỉnh Sơn La"),
        "whereToSubmit": "Bộ phận một cửa hoặc Cổng dịch vụ công (DVC) tỉnh Sơn La",
        "executionSteps": [{"name": name, "description": description} for name, description in steps],
        "executionMethods": [
            {
                "submissionMethod": method,
                "processingTime": days,
                "processingTimeUnit": "WORKING_DAY",
                "fees": [
                    {
                        "value": fee or 0,
                        "currencyName": "VND",
                        "description": "Lệ phí" if fee else "Không thu phí",
                    }
                ],
            }
            for method in (["DIRECT", "ONLINE", "POSTAL"] if online != "NONE" else ["DIRECT", "POSTAL"])
        ],
        "executionCases": [
            {
                "name": "",
                "profileComponents": [
                    {"name": paper, "originalQty": 1, "copyQty": copies, "required": True}
                    for paper, copies in papers
                ],
            }
        ],
        "subjectTypesDetails": [{"name": "Tổ chức, cá nhân"}],
        "resultsDetails": [{"name": "Quyết định hoặc văn bản trả lời"}],
        "requirementsAndConditions": DEMO_NOTICE,
        "legalBasisesDetails": [{"code": number, "name": title} for number, title in legal],
        "onlineLevel": online,
        "status": status,
    }


QD12 = (
    "12/2018/QĐ-TTg",
    "Quyết định về tiêu chí lựa chọn, công nhận người có uy tín và chính sách đối với người có uy tín",
)
QD28 = ("28/2023/QĐ-TTg", "Quyết định sửa đổi, bổ sung Quyết định số 12/2018/QĐ-TTg")
TT01 = ("01/2024/TT-UBDT", "Thông tư quy định về Kỷ niệm chương “Vì sự nghiệp phát triển các dân tộc”")
LUAT_TN = ("02/2016/QH14", "Luật Tín ngưỡng, tôn giáo")
LUAT_KN = ("02/2011/QH13", "Luật Khiếu nại")
LUAT_TC = ("25/2018/QH14", "Luật Tố cáo")

MEETING = [
    ("Bước 1", "Trưởng thôn, bản tổ chức họp bình xét."),
    ("Bước 2", "UBND cấp xã xem xét, quyết định."),
]
FILE_AND_DECIDE = [
    ("Bước 1", "Nộp hồ sơ tại bộ phận một cửa."),
    ("Bước 2", "Cơ quan có thẩm quyền thẩm định, trả kết quả."),
]

PROCEDURES = [
    national_record(
        "1.012223",
        "Thủ tục đưa ra khỏi danh sách, thay thế, bổ sung người có uy tín",
        ETHNIC,
        "commune",
        "PARTIAL",
        5,
        MEETING,
        [("Văn bản đề nghị (Mẫu 02 Phụ lục II)", 0), ("Biên bản họp thôn (Mẫu 06 Phụ lục II)", 0)],
        [QD12, QD28],
    ),
    national_record(
        "1.900101",
        "Thủ tục công nhận người có uy tín trong đồng bào dân tộc thiểu số",
        ETHNIC,
        "commune",
        "PARTIAL",
        10,
        MEETING,
        [("Biên bản họp bình chọn", 0), ("Danh sách đề nghị công nhận", 0)],
        [QD12, QD28],
    ),
    national_record(
        "1.900102",
        "Thủ tục hỗ trợ người có uy tín khi ốm đau, gặp khó khăn",
        ETHNIC,
        "commune",
        "FULL",
        7,
        FILE_AND_DECIDE,
        [("Đơn đề nghị hỗ trợ", 0), ("Giấy ra viện hoặc giấy xác nhận", 1)],
        [QD12],
    ),
    national_record(
        "1.900103",
        "Thủ tục thăm hỏi, động viên người có uy tín",
        ETHNIC,
        "province",
        "NONE",
        15,
        FILE_AND_DECIDE,
        [("Tờ trình của UBND cấp xã", 0)],
        [QD12],
    ),
    national_record(
        "1.900201",
        "Thủ tục đăng ký sinh hoạt tôn giáo tập trung",
        RELIGION,
        "commune",
        "PARTIAL",
        20,
        FILE_AND_DECIDE,
        [("Văn bản đăng ký", 0), ("Danh sách tín đồ", 0), ("Giấy tờ hợp pháp về địa điểm", 1)],
        [LUAT_TN],
    ),
    national_record(
        "1.900202",
        "Thủ tục đề nghị tổ chức lễ hội tín ngưỡng",
        RELIGION,
        "commune",
        "NONE",
        15,
        FILE_AND_DECIDE,
        [("Văn bản đề nghị", 0), ("Chương trình lễ hội", 0)],
        [LUAT_TN],
    ),
    national_record(
        "1.900203",
        "Thủ tục thông báo người được phong phẩm hoặc suy cử làm chức sắc",
        RELIGION,
        "province",
        "FULL",
        20,
        FILE_AND_DECIDE,
        [("Văn bản thông báo", 0), ("Tóm tắt quá trình hoạt động tôn giáo", 0)],
        [LUAT_TN],
    ),
    national_record(
        "1.900204",
        "Thủ tục đăng ký sửa đổi hiến chương của tổ chức tôn giáo",
        RELIGION,
        "province",
        "NONE",
        30,
        FILE_AND_DECIDE,
        [("Văn bản đề nghị", 0), ("Hiến chương sửa đổi", 0)],
        [LUAT_TN],
    ),
    national_record(
        "1.900301",
        "Thủ tục đề nghị tặng Kỷ niệm chương “Vì sự nghiệp phát triển các dân tộc”",
        AWARDS,
        "province",
        "FULL",
        20,
        FILE_AND_DECIDE,
        [("Tờ trình đề nghị", 0), ("Bản tóm tắt thành tích", 0)],
        [TT01],
    ),
    national_record(
        "1.900302",
        "Thủ tục tặng Bằng khen của Chủ tịch UBND tỉnh về công tác dân tộc",
        AWARDS,
        "province",
        "PARTIAL",
        20,
        FILE_AND_DECIDE,
        [("Tờ trình đề nghị", 0), ("Báo cáo thành tích", 0)],
        [TT01],
    ),
    national_record(
        "1.900401",
        "Thủ tục giải quyết khiếu nại lần đầu",
        COMPLAINTS,
        "province",
        "PARTIAL",
        30,
        FILE_AND_DECIDE,
        [("Đơn khiếu nại", 0), ("Tài liệu, chứng cứ kèm theo", 1)],
        [LUAT_KN],
    ),
    national_record(
        "1.900402",
        "Thủ tục giải quyết tố cáo",
        COMPLAINTS,
        "province",
        "NONE",
        30,
        FILE_AND_DECIDE,
        [("Đơn tố cáo", 0)],
        [LUAT_TC],
    ),
]

# One announcement decision: one procedure amended, one abolished (illustrative numbers).
NOTICE = {
    "slug": "cong-bo-thu-tuc-sua-doi-bai-bo-minh-hoa",
    "title": "Công bố thủ tục hành chính được sửa đổi, bãi bỏ (minh họa)",
    "decision_number": "1805/QĐ-UBND",
    "issuer": "Ủy ban nhân dân tỉnh Sơn La",
    "signer": "Phó Chủ tịch UBND tỉnh (minh họa)",
    "summary": DEMO_NOTICE,
    "entries": [("1.012223", "amended"), ("1.900204", "abolished")],
}
