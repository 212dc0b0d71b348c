"""The fixed vocabularies of a procedure record, with the national portal's words for each."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    PROVINCE = "province", _("Province")
    COMMUNE = "commune", _("Commune")
    MINISTRY = "ministry", _("Ministry")
    OTHER = "other", _("Other")


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Fully online")
    PARTIAL = "partial", _("Partly online")
    NONE = "none", _("Not online")


class Status(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended or supplemented")
    ABOLISHED = "abolished", _("Abolished")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    POSTAL = "postal", _("By post")


class TimeUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("working days")
    DAYS = "days", _("days")
    HOURS = "hours", _("hours")


class NoticeChange(models.TextChoices):
    NEW = "new", _("New")
    AMENDED = "amended", _("Amended or supplemented")
    ABOLISHED = "abolished", _("Abolished")


# What each change in an announcement decision does to a procedure's status.
STATUS_AFTER_CHANGE = {
    NoticeChange.NEW: Status.IN_FORCE,
    NoticeChange.AMENDED: Status.AMENDED,
    NoticeChange.ABOLISHED: Status.ABOLISHED,
}

# The national public-service portal's words, as they appear in its JSON records.
NATIONAL_CHANNELS = {"DIRECT": Channel.IN_PERSON, "ONLINE": Channel.ONLINE, "POSTAL": Channel.POSTAL}
NATIONAL_TIME_UNITS = {"WORKING_DAY": TimeUnit.WORKING_DAYS, "DAY": TimeUnit.DAYS, "HOUR": TimeUnit.HOURS}
NATIONAL_ONLINE_LEVELS = {
    "FULL": OnlineLevel.FULL,
    "TOAN_TRINH": OnlineLevel.FULL,
    "PARTIAL": OnlineLevel.PARTIAL,
    "MOT_PHAN": OnlineLevel.PARTIAL,
    "NONE": OnlineLevel.NONE,
}
NATIONAL_STATUSES = {
    "ACTIVE": Status.IN_FORCE,
    "IN_FORCE": Status.IN_FORCE,
    "AMENDED": Status.AMENDED,
    "ABOLISHED": Status.ABOLISHED,
}

# The Vietnamese labels the portal's exports and the agency's spreadsheets write, beside our codes.
# Import compares them folded (see records.vocabulary_key), so case, marks, NFD and the separators
# between words do not matter. The older levels 2, 3 and 4 are obsolete and stay refused.
ONLINE_LEVEL_LABELS = {
    "Toàn trình": OnlineLevel.FULL,
    "Trực tuyến toàn trình": OnlineLevel.FULL,
    "Dịch vụ công trực tuyến toàn trình": OnlineLevel.FULL,
    "Một phần": OnlineLevel.PARTIAL,
    "Trực tuyến một phần": OnlineLevel.PARTIAL,
    "Dịch vụ công trực tuyến một phần": OnlineLevel.PARTIAL,
    "Không": OnlineLevel.NONE,
    "Không trực tuyến": OnlineLevel.NONE,
    # Nghị định 42/2022/NĐ-CP's name for a service that only publishes its information online.
    "Dịch vụ cung cấp thông tin trực tuyến": OnlineLevel.NONE,
}
STATUS_LABELS = {
    "Còn hiệu lực": Status.IN_FORCE,
    "Có hiệu lực": Status.IN_FORCE,
    "Đang có hiệu lực": Status.IN_FORCE,
    "Sửa đổi, bổ sung": Status.AMENDED,
    "Được sửa đổi, bổ sung": Status.AMENDED,
    "Đã sửa đổi, bổ sung": Status.AMENDED,
    "Hết hiệu lực": Status.ABOLISHED,
    "Bãi bỏ": Status.ABOLISHED,
    "Bị bãi bỏ": Status.ABOLISHED,
    "Đã bãi bỏ": Status.ABOLISHED,
}
