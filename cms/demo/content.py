"""Demo texts, written for this project from the agency's public 2018 news (see shared/DOMAIN.md)."""

from datetime import datetime
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")

AGENCY = {
    "name": "Sở Dân tộc và Tôn giáo tỉnh Sơn La",
    "short_name": "SDTTG Sơn La",
    "document_suffix": "SDTTG",
    "address": "Tổ 2, phường Chiềng Lề, tỉnh Sơn La (địa chỉ minh họa)",
    "phone": "0212 0000 000 (minh họa)",
    "email": "lienhe@example.gov.vn",
}

DEMO_NOTE = (
    "<p><em>Bài viết minh họa cho hệ thống thử nghiệm, viết lại từ tin năm 2018 "
    "của Ban Dân tộc tỉnh Sơn La.</em></p>"
)

HOME = {
    "title": "Sở Dân tộc và Tôn giáo tỉnh Sơn La",
    "slug": "trang-chu",
    "introduction": (
        "<p>Cổng thông tin của Sở Dân tộc và Tôn giáo tỉnh Sơn La: tin tức, chính sách dân tộc "
        "và thủ tục hành chính cho người dân và doanh nghiệp.</p>"
    ),
}

NEWS_INDEX = {
    "title": "Tin tức – sự kiện",
    "slug": "tin-tuc",
    "introduction": "Hoạt động của Sở và công tác dân tộc trên địa bàn tỉnh.",
}

PROCEDURE_INDEX = {
    "title": "Thủ tục hành chính",
    "slug": "thu-tuc-hanh-chinh",
    "introduction": (
        "Các thủ tục hành chính thuộc thẩm quyền giải quyết của Sở và của Ủy ban nhân dân cấp xã "
        "trong lĩnh vực công tác dân tộc."
    ),
}

ARTICLES = [
    {
        "slug": "xep-thu-4-chi-so-cai-cach-hanh-chinh-2017",
        "title": "Ban Dân tộc xếp thứ 4 về chỉ số cải cách hành chính năm 2017",
        "display_date": datetime(2018, 5, 27, 8, 0, tzinfo=VN),
        "summary": (
            "Với 92,14 điểm, Ban Dân tộc tỉnh Sơn La đứng thứ 4 trong các sở, ban, ngành của tỉnh "
            "về chỉ số cải cách hành chính (CCHC) năm 2017, tăng 6 bậc so với năm trước."
        ),
        "body": [
            "<p>Kết quả xác định chỉ số CCHC năm 2017 cho thấy Ban Dân tộc đạt 92,14 điểm, cao "
            "hơn năm 2016 là 0,79 điểm và tăng 6 bậc trên bảng xếp hạng.</p>",
            "<p>Ban đạt điểm tối đa ở nhiều tiêu chí: công tác chỉ đạo, điều hành; cải cách thủ "
            "tục hành chính (TTHC); cải cách tổ chức bộ máy; xây dựng đội ngũ cán bộ, công chức; "
            "cải cách tài chính công và thực hiện cơ chế một cửa.</p>",
        ],
    },
    {
        "slug": "100-phan-tram-van-ban-dien-tu",
        "title": "100% văn bản của Ban được luân chuyển trên môi trường điện tử",
        "display_date": datetime(2018, 6, 12, 9, 30, tzinfo=VN),
        "summary": (
            "Toàn bộ văn bản đi, đến của Ban Dân tộc được xử lý trên môi trường mạng; lãnh đạo "
            "dùng chứng thư số để ký và giải quyết công việc ở bất cứ đâu."
        ),
        "body": [
            "<p>Việc ứng dụng công nghệ thông tin giúp rút ngắn thời gian luân chuyển văn bản và "
            "tiết kiệm chi phí in ấn.</p>",
            "<p>Nhờ chữ ký số, lãnh đạo Ban có thể phê duyệt hồ sơ, văn bản ngay cả khi đi công tác "
            "tại các xã vùng đồng bào dân tộc thiểu số (DTTS).</p>",
        ],
    },
    {
        "slug": "sau-thang-dau-nam-2018-giai-quyet-12-ho-so",
        "title": "Sáu tháng đầu năm 2018: tiếp nhận và giải quyết 12 hồ sơ thủ tục hành chính",
        "display_date": datetime(2018, 7, 5, 14, 0, tzinfo=VN),
        "summary": (
            "Trong 6 tháng đầu năm 2018, Ban Dân tộc đã tiếp nhận và giải quyết xong 12 hồ sơ "
            "TTHC; các thủ tục được niêm yết công khai để người dân dễ tra cứu."
        ),
        "body": [
            "<p>Các TTHC thuộc thẩm quyền của Ban được niêm yết tại trụ sở, trên Cổng thông tin "
            "điện tử của tỉnh và trên trang thông tin điện tử của Ban.</p>",
            "<p>Bộ phận một cửa tiếp tục hướng dẫn người dân chuẩn bị hồ sơ đầy đủ ngay từ lần "
            "nộp đầu tiên.</p>",
        ],
    },
    {
        "slug": "ap-dung-tcvn-iso-9001-2015",
        "title": "Hướng tới áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015",
        "display_date": datetime(2018, 8, 20, 10, 0, tzinfo=VN),
        "summary": (
            "Ban Dân tộc lên kế hoạch xây dựng và áp dụng hệ thống quản lý chất lượng theo tiêu "
            "chuẩn TCVN ISO 9001:2015 vào hoạt động của cơ quan."
        ),
        "body": [
            "<p>Việc áp dụng tiêu chuẩn Việt Nam (TCVN) ISO 9001:2015 nhằm chuẩn hóa quy trình "
            "xử lý công việc, nâng cao chất lượng phục vụ người dân.</p>",
        ],
    },
]
