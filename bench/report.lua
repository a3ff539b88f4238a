-- Appended to every wrk run: each thread gets an id and is listed (the scripts read the id; the
-- summary reads the threads' counts), and the summary is printed as one JSON line for run.py.
local counter = 0
threads_list = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads_list, thread)
end

function done(summary, latency, requests)
  local errors = summary.errors
  local exhausted, redirected, other = 0, 0, 0
  local statuses, codes = {}, {}
  for _, thread in ipairs(threads_list or {}) do
    exhausted = exhausted + (thread:get("exhausted") or 0)
    redirected = redirected + (thread:get("redirected") or 0)
    other = other + (thread:get("other") or 0)
    for code, n in pairs(thread:get("statuses") or {}) do
      statuses[code] = (statuses[code] or 0) + n
    end
  end
  for code, n in pairs(statuses) do
    table.insert(codes, string.format('"%d": %d', code, n))
  end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, "exhausted": %d, ' ..
    '"redirected": %d, "other": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.status, errors.timeout, exhausted,
    redirected, other, table.concat(codes, ", ")))
end
