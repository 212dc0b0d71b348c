"""The procedure page: its channel table in words, and the announcement decisions that concern it."""

from dataclasses import dataclass

from django.utils import timezone

from cms.number_formats import grouped
from cms.publishing.visibility import publicly_visible

from ..vocabulary import Channel, NoticeChange, Status, TimeUnit


@dataclass(frozen=True)
class Fee:
    amount: str  # grouped, empty when the fee has no amount (e.g. "Không thu phí")
    currency: str
    description: str


@dataclass(frozen=True)
class ChannelRow:
    channel: str
    processing_time: object  # Decimal
    time_unit: str
    fees: list
    note: str


def channel_rows(page):
    channels, units = dict(Channel.choices), dict(TimeUnit.choices)
    return [
        ChannelRow(
            channel=channels.get(block.value["channel"], block.value["channel"]),
            processing_time=block.value["processing_time"],
            time_unit=units.get(block.value["time_unit"], block.value["time_unit"]),
            fees=[
                Fee(
                    amount=grouped(int(fee["amount"])) if fee["amount"] else "",
                    currency=fee["currency"] or "VND",
                    description=fee["description"] or "",
                )
                for fee in block.value["fees"]
            ],
            note=block.value["note"],
        )
        for block in page.channels
    ]


def announced_entries(page):
    """The entries of published, public decisions that name this procedure, latest change first."""
    from ..models import NoticeEntry, ProcedureNoticePage

    return list(
        NoticeEntry.objects.filter(
            procedure=page, notice__in=publicly_visible(ProcedureNoticePage.objects.all())
        )
        .select_related("notice")
        .order_by("-effective_on", "-notice__decision_date", "-pk")
    )


def successors(entry, page):
    """Procedures the same decision announces as new: where a citizen turns when this one is abolished.

    The record has no explicit successor; a decision that abolishes one procedure and announces
    another in the same act is how the portal shows a replacement."""
    from ..models import public_notice_entries

    new_entries = (
        public_notice_entries().filter(notice=entry.notice, change=NoticeChange.NEW).exclude(procedure=page)
    )
    return [new_entry.procedure for new_entry in new_entries]


def procedure_context(page, request, context):
    today = timezone.localdate()
    entries = announced_entries(page)
    changed_by = None
    if page.status in (Status.AMENDED, Status.ABOLISHED):
        # The decision whose change this status is; an editor may also have set it by hand.
        changed_by = next(
            (e for e in entries if e.change == page.status and e.effective_on <= today),
            next((e for e in entries if e.change == page.status), None),
        )
    upcoming = [
        e
        for e in entries
        if e.effective_on > today and e.change in (NoticeChange.AMENDED, NoticeChange.ABOLISHED)
    ]
    channels = channel_rows(page)
    context.update(
        channels=channels,
        channel_notes=any(row.note for row in channels),
        # Imported records often carry only number and title; columns nobody filled in are left out.
        legal_columns={
            name: any(block.value[name] for block in page.legal_bases)
            for name in ("issuer", "issued_on", "effective_on")
        },
        announcements=entries,
        changed_by=changed_by,
        upcoming_change=min(upcoming, key=lambda e: e.effective_on) if upcoming else None,
        successors=successors(changed_by, page) if changed_by and page.status == Status.ABOLISHED else [],
    )
    return context
