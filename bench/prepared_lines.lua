-- Prepended to the scripts that send prepared requests (post_*.lua): each thread reads the data
-- file (args[1]) and takes every Nth line (N = args[2], the thread count), so no two requests
-- send the same line; once its lines are used up a thread sends /healthz, counted as exhausted.
-- The script sets `expected` (the status of a request that did its job) and may read more
-- arguments in its configure(args).
local lines = {}
function init(args)
  for line in io.lines(args[1]) do table.insert(lines, line) end
  threads_total = tonumber(args[2])
  index = id + 1
  exhausted = 0
  redirected = 0
  other = 0
  statuses = {}
  configure(args)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == expected then redirected = redirected + 1 else other = other + 1 end
end

-- The thread's next prepared line, or nil (and a /healthz request to send) once they are used.
function next_line()
  local line = lines[index]
  index = index + threads_total
  if line == nil then
    exhausted = exhausted + 1
    return nil, wrk.format("GET", "/healthz")
  end
  return line
end

-- A form's POST as a browser sends it: the CSRF cookie and the urlencoded body.
function post_form(path, cookie, body)
  return wrk.format("POST", path, {
    ["Cookie"] = "csrftoken=" .. cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
