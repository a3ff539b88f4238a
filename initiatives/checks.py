"""System checks of the records against the law's route (initiatives.collection_routes).

eci.W010  a record collects online where the law does not let it: set to collect on this site
          (or on another external system) though registered from 1 January 2023, or on this site
          outside its collection period or, while collecting, without its certificate of
          conformity. Listed one by one; a warning, not an error, so that `migrate` still runs
          and an editor can correct the record. Tagged `database`: run by `migrate` and
          `check --database default`.
"""

from django.core import checks
from django.db import DatabaseError

from . import collection_routes
from .models import Initiative


@checks.register(checks.Tags.database)
def check_collection_routes(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    messages = []
    try:
        records = list(
            Initiative.objects.exclude(collection=Initiative.Collection.CENTRAL).only(
                "registration_number", *Initiative.SIGNING_STATE_FIELDS
            )
        )
    except DatabaseError:  # not migrated yet: `migrate` runs the checks first
        return []
    for record in records:
        refusals = []
        if record.collects_on_site:
            refusals = [
                message
                for field, message in collection_routes.on_site_refusals(record)
                if field != "certificate_of_conformity"
                or record.status == Initiative.Status.COLLECTING
            ]
        elif collection_routes.central_system_only(record):
            refusals = [collection_routes.central_system_message()]
        for message in refusals:
            messages.append(
                checks.Warning(
                    f"{record.registration_number} ({record.get_collection_display()}): {message}",
                    hint="Correct the record in Initiatives → Registered initiatives.",
                    obj=record,
                    id="eci.W010",
                )
            )
    return messages
