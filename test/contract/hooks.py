"""Schemathesis hooks for `npm run contract`: the bulk load's NDJSON body is sent as the text it is."""

import schemathesis

schemathesis.serializer.alias("application/x-ndjson", "text/plain")
