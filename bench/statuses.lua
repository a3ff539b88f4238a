-- wrk script for plain GETs: count the answers per status code (report.lua prints them).
function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
