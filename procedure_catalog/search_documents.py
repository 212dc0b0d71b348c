"""What procedures and announcement decisions give their search documents; search/sources.py adds the
fields every type shares."""

from search import sources


def register_search():
    sources.register(sources.Source("procedure", fields=procedure_fields))
    sources.register(sources.Source("notice", fields=notice_fields))


def procedure_fields(page, related=None):
    steps = [f"{step.value['name']} {step.value['description']}" for step in page.steps]
    papers = [part["name"] for case in page.cases for part in case.value["components"]]
    return {
        "summary": " ".join(filter(None, [page.applicants, page.results])),
        # The field's name too: "khen thưởng" finds the procedures of "Thi đua, khen thưởng".
        "body": " ".join(
            filter(None, [*steps, *papers, page.requirements, page.where_to_submit, field_name(page)])
        ),
        "code": page.code,
        "codes": [page.code, *(basis.value["number"] for basis in page.legal_bases)],
        "categories": [],
        "field": field_name(page),
        "level": page.level,
        "agency": page.handling_agency.splitlines()[0] if page.handling_agency else None,
        "status": page.status,
        "online_level": page.online_level,
        "date": page.in_force_from or page.first_published_at,
    }


def field_name(page):
    return page.field.name if page.field_id else None


def notice_fields(page, related=None):
    entries = list(page.public_entries())
    return {
        "summary": page.summary,
        "body": " ".join(f"{entry.procedure.code} {entry.procedure.title}" for entry in entries),
        "code": page.decision_number,
        "codes": [page.decision_number, *(entry.procedure.code for entry in entries)],
        "categories": [],
        "agency": page.issuer,
        "date": page.decision_date,
    }
