"""Demo texts, written for this project from the agency's public 2018 news (docs/domain.md)."""

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
    "name_en": "Department of Ethnic Minority and Religious Affairs of Son La Province",
    "address_en": "Group 2, Chieng Le Ward, Son La Province (illustrative address)",
    "about_en": (
        "The Department advises the Provincial People's Committee on ethnic minority and religious "
        "affairs, carries out ethnic policies in Son La's mountain communes, and handles the "
        "administrative procedures of its field."
    ),
}

DEMO_NOTE = (
    "<p><em>Bài viết minh họa cho hệ thống thử nghiệm, viết lại từ thông tin công khai "
    "về Ban Dân tộc (nay là Sở Dân tộc và Tôn giáo) tỉnh Sơn La.</em></p>"
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

NOTICE_INDEX = {
    "title": "Thông báo",
    "slug": "thong-bao",
    "introduction": "Quyết định công bố thủ tục hành chính mới, sửa đổi, bổ sung và bãi bỏ.",
}

STATISTICS_PAGE = {
    "title": "Thống kê hồ sơ",
    "slug": "thong-ke",
    "introduction": "Số hồ sơ tiếp nhận, giải quyết và tỷ lệ giải quyết đúng hạn theo từng kỳ.",
}

CONTACT_PAGE = {
    "title": "Liên hệ",
    "slug": "lien-he",
    "introduction": (
        "<p>Sở Dân tộc và Tôn giáo tham mưu cho Ủy ban nhân dân tỉnh về công tác dân tộc, tín "
        "ngưỡng, tôn giáo và giải quyết thủ tục hành chính thuộc lĩnh vực được giao.</p>"
    ),
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
        "categories": ["cai-cach-hanh-chinh"],
        "tags": ["CCHC", "PAR Index"],
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
        "categories": ["cai-cach-hanh-chinh", "tin-tuc-su-kien"],
        "tags": ["chữ ký số", "CCHC"],
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
        "categories": ["cai-cach-hanh-chinh"],
        "tags": ["TTHC", "một cửa"],
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
        "categories": ["thong-tin-chi-dao-dieu-hanh"],
        "tags": ["TCVN", "ISO 9001"],
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
    {
        "slug": "son-la-co-2185-nguoi-co-uy-tin",
        "title": "Toàn tỉnh có 2.185 người có uy tín trong đồng bào dân tộc thiểu số",
        "display_date": datetime(2025, 3, 10, 8, 30, tzinfo=VN),
        "categories": ["chinh-sach-dan-toc"],
        "tags": ["người có uy tín", "DTTS"],
        "summary": (
            "Người có uy tín là cầu nối giữa cấp ủy, chính quyền với đồng bào ở thôn, bản; "
            "Sơn La hiện có 2.185 người được công nhận."
        ),
        "body": [
            "<p>Việc bình chọn, công nhận người có uy tín thực hiện theo Quyết định 12/2018/QĐ-TTg, "
            "được sửa đổi bởi Quyết định 28/2023/QĐ-TTg.</p>",
            "<p>Hằng năm, Sở phối hợp với Ủy ban nhân dân (UBND) cấp xã rà soát danh sách, "
            "thăm hỏi và cung cấp thông tin cho người có uy tín.</p>",
        ],
    },
    {
        "slug": "muoi-hai-dan-toc-cung-sinh-song",
        "title": "Mười hai dân tộc cùng chung sống trên đất Sơn La",
        "display_date": datetime(2025, 4, 2, 9, 0, tzinfo=VN),
        "categories": ["chinh-sach-dan-toc", "tin-tuc-su-kien"],
        "tags": ["DTTS"],
        "summary": (
            "Sơn La có 12 dân tộc anh em; đồng bào dân tộc thiểu số chiếm khoảng 84% dân số toàn tỉnh."
        ),
        "body": [
            "<p>Sự đa dạng văn hóa là nguồn lực để phát triển du lịch cộng đồng và gìn giữ bản "
            "sắc các dân tộc.</p>",
        ],
    },
    {
        "slug": "trien-khai-chuong-trinh-1719",
        "title": "Triển khai Chương trình mục tiêu quốc gia 1719 năm 2025",
        "display_date": datetime(2025, 5, 15, 14, 0, tzinfo=VN),
        "categories": ["chuong-trinh-muc-tieu-quoc-gia"],
        "tags": ["MTQG", "1719"],
        "summary": (
            "Sở hướng dẫn các xã triển khai Chương trình mục tiêu quốc gia (MTQG) phát triển kinh "
            "tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi."
        ),
        "body": [
            "<p>Các nội dung ưu tiên gồm hỗ trợ đất ở, nhà ở, nước sinh hoạt, sinh kế và đào tạo "
            "nghề cho đồng bào.</p>",
        ],
    },
    {
        "slug": "chinh-quyen-hai-cap-tu-1-7-2025",
        "title": "Từ ngày 1/7/2025, thủ tục cấp huyện chuyển về cấp xã",
        "display_date": datetime(2025, 7, 1, 7, 30, tzinfo=VN),
        "categories": ["thong-tin-chi-dao-dieu-hanh", "cai-cach-hanh-chinh"],
        "tags": ["chính quyền hai cấp", "TTHC"],
        "summary": (
            "Khi chính quyền địa phương tổ chức theo hai cấp (tỉnh, xã), các thủ tục hành chính "
            "trước đây do cấp huyện giải quyết được chuyển cho 75 xã, phường."
        ),
        "body": [
            "<p>Người dân nộp hồ sơ tại Trung tâm phục vụ hành chính công cấp xã hoặc trực tuyến "
            "trên Cổng dịch vụ công (DVC).</p>",
        ],
    },
    {
        "slug": "thanh-lap-so-dan-toc-va-ton-giao",
        "title": "Thành lập Sở Dân tộc và Tôn giáo tỉnh Sơn La",
        "display_date": datetime(2025, 3, 1, 8, 0, tzinfo=VN),
        "categories": ["tin-tuc-su-kien", "cong-tac-ton-giao"],
        "tags": ["tổ chức bộ máy"],
        "summary": (
            "Ban Dân tộc tỉnh được tổ chức lại thành Sở Dân tộc và Tôn giáo, đảm nhận thêm nhiệm "
            "vụ quản lý nhà nước về tín ngưỡng, tôn giáo."
        ),
        "body": [
            "<p>Việc sắp xếp giúp tinh gọn bộ máy, thống nhất đầu mối tham mưu về công tác dân "
            "tộc và tôn giáo của tỉnh.</p>",
        ],
    },
    {
        "slug": "huong-dan-dang-ky-sinh-hoat-ton-giao-tap-trung",
        "title": "Hướng dẫn đăng ký sinh hoạt tôn giáo tập trung",
        "display_date": datetime(2025, 8, 12, 10, 0, tzinfo=VN),
        "categories": ["cong-tac-ton-giao", "thong-bao"],
        "tags": ["tôn giáo", "TTHC"],
        "summary": (
            "Sở hướng dẫn hồ sơ, trình tự đăng ký sinh hoạt tôn giáo tập trung cho các nhóm tín "
            "đồ trên địa bàn tỉnh."
        ),
        "body": [
            "<p>Hồ sơ nộp tại UBND cấp xã nơi có địa điểm sinh hoạt; thời hạn giải quyết theo quy "
            "định của pháp luật về tín ngưỡng, tôn giáo.</p>",
        ],
    },
    {
        "slug": "de-nghi-tang-ky-niem-chuong-vi-su-nghiep-phat-trien-cac-dan-toc",
        "title": "Đề nghị tặng Kỷ niệm chương “Vì sự nghiệp phát triển các dân tộc”",
        "display_date": datetime(2025, 9, 5, 9, 0, tzinfo=VN),
        "categories": ["thong-bao", "chinh-sach-dan-toc"],
        "tags": ["thi đua khen thưởng"],
        "summary": (
            "Sở thông báo thời hạn gửi hồ sơ đề nghị tặng Kỷ niệm chương theo Thông tư 01/2024/TT-UBDT."
        ),
        "body": [
            "<p>Các cơ quan, đơn vị gửi hồ sơ về Sở trước thời hạn để tổng hợp, trình cấp có thẩm quyền.</p>",
        ],
    },
    {
        "slug": "chuyen-doi-so-trong-cong-tac-dan-toc",
        "title": "Đẩy mạnh chuyển đổi số trong công tác dân tộc",
        "display_date": datetime(2025, 10, 20, 15, 0, tzinfo=VN),
        "categories": ["cai-cach-hanh-chinh"],
        "tags": ["chuyển đổi số", "DVC"],
        "summary": (
            "Sở tiếp tục số hóa hồ sơ, cung cấp dịch vụ công trực tuyến toàn trình và công khai "
            "kết quả giải quyết hồ sơ."
        ),
        "body": [
            "<p>Mục tiêu là người dân ở vùng sâu, vùng xa có thể tra cứu, nộp hồ sơ mà không phải "
            "đi lại nhiều lần.</p>",
        ],
    },
]

# Demo accounts for each editorial role; passwords are made at load time and printed in dev only.
DEMO_USERS = [
    {"username": "bientap", "first_name": "Biên tập", "last_name": "Viên", "role": "Biên tập viên"},
    {"username": "lanhdao", "first_name": "Lãnh đạo", "last_name": "Sở", "role": "Lãnh đạo duyệt"},
    {"username": "quantri", "first_name": "Quản trị", "last_name": "Hệ thống", "role": "Quản trị"},
]

# Colours for the generated demo images (no photographs are downloaded).
IMAGE_PALETTE = [(176, 30, 35), (20, 90, 160), (34, 120, 70), (200, 140, 20), (90, 60, 140), (30, 130, 140)]
