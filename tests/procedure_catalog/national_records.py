"""National-portal records built on demand, shaped as the portal publishes them (docs/domain.md)."""

import copy
import itertools

_serial = itertools.count(1)


def national_record(**overrides):
    number = next(_serial)
    record = {
        "code": f"1.{12000 + number:06d}",
        "name": f"Thủ tục thử nghiệm số {number} về công tác dân tộc",
        "categoriesDetails": [{"code": "CTDT", "name": "Công tác dân tộc"}],
        "isProvince": False,
        "isWard": True,
        "departmentsExecuting": [{"name": "Ủy ban nhân dân cấp xã"}],
        "executionSteps": [
            {"name": "Bước 1", "description": "Trưởng thôn tổ chức họp bình chọn."},
            {"name": "Bước 2", "description": "UBND xã xem xét, quyết định."},
        ],
        "executionMethods": [
            {
                "submissionMethod": "DIRECT",
                "processingTime": 5,
                "processingTimeUnit": "WORKING_DAY",
                "fees": [{"value": 0, "currencyName": "VND", "description": "Không thu phí"}],
            },
            {
                "submissionMethod": "ONLINE",
                "processingTime": "4.5",
                "processingTimeUnit": "WORKING_DAY",
                "fees": [],
            },
        ],
        "executionCases": [
            {
                "name": "Trường hợp thay thế",
                "profileComponents": [
                    {"name": "Văn bản đề nghị (Mẫu 02)", "originalQty": 1, "copyQty": 0, "required": True},
                    {"name": "Biên bản họp thôn (Mẫu 06)", "originalQty": 1, "copyQty": 1, "required": False},
                ],
            }
        ],
        "subjectTypesDetails": [{"name": "Công dân Việt Nam"}],
        "resultsDetails": [{"code": "KQ1", "name": "Quyết định phê duyệt danh sách"}],
        "requirementsAndConditions": "Thường trú tại thôn, bản.",
        "legalBasisesDetails": [
            {"code": "12/2018/QĐ-TTg", "name": "Quyết định về tiêu chí lựa chọn người có uy tín"},
            {"code": "28/2023/QĐ-TTg", "name": "Quyết định sửa đổi Quyết định 12/2018/QĐ-TTg"},
        ],
        "onlineLevel": "PARTIAL",
        "status": "ACTIVE",
    }
    record.update(copy.deepcopy(overrides))
    return record
