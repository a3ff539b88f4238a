-- wrk script for plain GETs: count the answers per status code (report.lua prints them).
local counter = 0
threads_list = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads_list, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
