"""Realistic Vietnamese text for generated content, from phrase banks of the agency's own work.

Sentences are assembled from slots (who, what, where, under which programme), so a corpus of any
size reads like the agency's news and procedures: diacritics, ethnic group and place names,
abbreviations (UBND, CCHC, MTQG) and the vocabulary citizens search for. Deterministic for a seed.
"""

PLACES = (
    "xã Chiềng Cơi",
    "xã Mường Bú",
    "xã Nậm Ty",
    "xã Phiêng Pằn",
    "xã Chiềng Sơn",
    "xã Tà Xùa",
    "xã Hua Trai",
    "xã Mường Lạn",
    "xã Long Hẹ",
    "xã Chiềng Khoong",
    "phường Tô Hiệu",
    "phường Chiềng Sinh",
    "bản Hụm",
    "bản Phống",
    "bản Nà Ngùa",
    "huyện Mộc Châu",
    "huyện Thuận Châu",
    "huyện Sốp Cộp",
    "huyện Bắc Yên",
    "huyện Quỳnh Nhai",
)
GROUPS = ("Thái", "Mông", "Mường", "Dao", "Khơ Mú", "Xinh Mun", "Lào", "Kháng", "La Ha", "Lự")
ACTORS = (
    "Sở Dân tộc và Tôn giáo",
    "Ban Dân tộc tỉnh",
    "UBND tỉnh Sơn La",
    "UBND huyện",
    "UBND xã",
    "Mặt trận Tổ quốc tỉnh",
    "Hội Liên hiệp Phụ nữ",
    "Đoàn công tác của Ủy ban Dân tộc",
    "Phòng Dân tộc huyện",
)
ACTIONS = (
    "tổ chức hội nghị triển khai",
    "kiểm tra tình hình thực hiện",
    "tổng kết",
    "sơ kết 6 tháng",
    "tập huấn nâng cao năng lực về",
    "tuyên truyền, phổ biến",
    "trao hỗ trợ thuộc",
    "giám sát việc thực hiện",
    "đối thoại với người dân về",
    "khảo sát nhu cầu thực hiện",
)
PROGRAMMES = (
    "Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    "chính sách đối với người có uy tín",
    "Dự án hỗ trợ đất ở, nhà ở, đất sản xuất, nước sinh hoạt",
    "Đề án bảo tồn, phát huy giá trị văn hóa truyền thống",
    "công tác cải cách hành chính (CCHC)",
    "giải quyết thủ tục hành chính (TTHC) theo cơ chế một cửa",
    "chính sách hỗ trợ sinh kế cho hộ nghèo",
    "dự án giảm thiểu tình trạng tảo hôn và hôn nhân cận huyết thống",
    "chính sách tín ngưỡng, tôn giáo",
    "chuyển đổi số trong công tác dân tộc",
    "đào tạo nghề cho lao động nông thôn",
    "phát triển giáo dục vùng dân tộc thiểu số",
)
OUTCOMES = (
    "góp phần nâng cao đời sống vật chất và tinh thần của đồng bào",
    "giúp người dân tiếp cận dịch vụ công trực tuyến thuận lợi hơn",
    "tỷ lệ hộ nghèo giảm {number}% so với cùng kỳ năm trước",
    "{number} hộ gia đình được hỗ trợ kịp thời",
    "{number} người có uy tín được tặng quà nhân dịp Tết",
    "hồ sơ được giải quyết đúng hạn đạt {number}%",
    "bà con phấn khởi, tin tưởng vào chủ trương của Đảng và Nhà nước",
    "tạo sự đồng thuận trong cộng đồng các dân tộc",
)
DETAILS = (
    "Tại buổi làm việc, đại diện {actor} đã báo cáo kết quả triển khai {programme} trên địa bàn {place}.",
    "Đồng bào dân tộc {group} ở {place} đã chủ động tham gia, {outcome}.",
    "Theo báo cáo, trong năm {year}, {actor} đã {action} {programme}, {outcome}.",
    "Đoàn đã đến thăm, tặng quà các gia đình chính sách và người có uy tín tại {place}.",
    "Lãnh đạo {actor} đề nghị các địa phương tiếp tục quan tâm, đẩy mạnh {programme}.",
    "Người dân có thể nộp hồ sơ trực tiếp tại Bộ phận một cửa hoặc qua Cổng dịch vụ công tỉnh.",
    "Nhiều ý kiến của bà con dân tộc {group} đã được ghi nhận và giải đáp ngay tại hội nghị.",
    "Qua kiểm tra tại {place}, {outcome}; tuy nhiên vẫn còn khó khăn về nguồn vốn và nhân lực.",
)
CATEGORY_WORDS = ("chính sách", "hoạt động", "văn hóa", "tôn giáo", "cải cách hành chính")
PROCEDURE_SUBJECTS = (
    "công nhận người có uy tín trong đồng bào dân tộc thiểu số",
    "đưa ra khỏi danh sách người có uy tín",
    "hỗ trợ đất ở, nhà ở cho hộ đồng bào dân tộc thiểu số nghèo",
    "hỗ trợ nước sinh hoạt phân tán",
    "đăng ký sinh hoạt tôn giáo tập trung",
    "thông báo tổ chức lễ hội tín ngưỡng",
    "đề nghị tặng Kỷ niệm chương vì sự nghiệp phát triển các dân tộc",
    "hỗ trợ học sinh dân tộc thiểu số học nghề",
    "đăng ký hoạt động tín ngưỡng",
    "đề nghị sửa chữa, cải tạo công trình tín ngưỡng",
    "xét khen thưởng thành tích xuất sắc trong công tác dân tộc",
    "giải quyết khiếu nại lần đầu",
    "tiếp nhận và xử lý tố cáo",
    "hỗ trợ vay vốn phát triển sản xuất",
    "công nhận thôn, bản đặc biệt khó khăn",
)
PROCEDURE_VERBS = ("Thủ tục", "Thủ tục đề nghị", "Thủ tục xét", "Thủ tục đăng ký")
FIELDS = ("Công tác dân tộc", "Tín ngưỡng, tôn giáo", "Thi đua, khen thưởng", "Giải quyết khiếu nại, tố cáo")
PAPERS = (
    "Đơn đề nghị theo mẫu",
    "Biên bản họp thôn, bản",
    "Bản sao Căn cước công dân",
    "Danh sách đề xuất của UBND cấp xã",
    "Bản tóm tắt thành tích",
    "Giấy xác nhận hộ nghèo",
    "Văn bản thông báo theo mẫu",
    "Sơ yếu lý lịch có xác nhận của địa phương",
)


class TextBank:
    def __init__(self, rng):
        self.rng = rng

    def pick(self, options):
        return self.rng.choice(options)

    def slots(self):
        return {
            "actor": self.pick(ACTORS),
            "action": self.pick(ACTIONS),
            "programme": self.pick(PROGRAMMES),
            "place": self.pick(PLACES),
            "group": self.pick(GROUPS),
            "year": self.rng.randint(2019, 2026),
            "outcome": self.pick(OUTCOMES).format(number=self.rng.randint(2, 95)),
        }

    def headline(self):
        slots = self.slots()
        pattern = self.pick(
            (
                "{actor} {action} {programme}",
                "{place}: {action} {programme}",
                "Đồng bào {group} ở {place} hưởng lợi từ {programme}",
                "Năm {year}, {place} {action} {programme}",
            )
        )
        text = pattern.format(**slots)
        return text[0].upper() + text[1:]

    def sentence(self):
        return self.pick(DETAILS).format(**self.slots())

    def paragraph(self, sentences=(2, 5)):
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    def procedure_name(self):
        return f"{self.pick(PROCEDURE_VERBS)} {self.pick(PROCEDURE_SUBJECTS)}"
